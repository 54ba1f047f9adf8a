package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether the client of an exchange is still connected. The JDK server does not notice while a handler runs, so
 * this reads the kernel's socket tables (Linux's {@code /proc/net/tcp} and {@code tcp6}): once the client has
 * closed its end, or its process has died, the server's end is no longer {@code ESTABLISHED} but
 * {@code CLOSE_WAIT}. Where the tables cannot be read it cannot tell, and says connected.
 */
final class ClientConnections {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private ClientConnections() {}

    /** Asks, each time, whether the exchange's connection is still established. */
    static BooleanSupplier of(HttpExchange exchange) {
        int server = exchange.getLocalAddress().getPort();
        int client = exchange.getRemoteAddress().getPort();
        return () -> connected(server, client);
    }

    /** Rows are {@code sl local_address rem_address st ...}, addresses as hex {@code IP:PORT}. */
    static boolean connected(int localPort, int remotePort) {
        boolean read = false;
        for (Path table : TABLES) {
            List<String> rows;
            try {
                rows = Files.readAllLines(table);
            } catch (IOException | UncheckedIOException | SecurityException unreadable) {
                continue;
            }
            read = true;
            for (String row : rows) {
                String[] fields = row.strip().split("\\s+");
                if (fields.length > 3
                        && port(fields[1]) == localPort
                        && port(fields[2]) == remotePort
                        && ESTABLISHED.equals(fields[3])) {
                    return true;
                }
            }
        }
        return !read;
    }

    private static int port(String address) {
        try {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
        } catch (NumberFormatException notAnAddress) {
            return -1;
        }
    }
}
