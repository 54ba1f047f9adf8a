package dev.legalgen.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The RabbitMQ broker at {@code -Dlegalgen.test.rabbitmq.host} (default 127.0.0.1:5672, guest). Tests guarded by
 * {@link #available()} skip, saying why, when none answers, unless {@code -Dlegalgen.test.rabbitmq.required=true}
 * (CI) turns the skip into a failure. Each test takes a queue of its own and deletes it.
 */
public final class RabbitTestBroker {

    private static final String HOST = System.getProperty("legalgen.test.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("legalgen.test.rabbitmq.port", 5672);
    private static final boolean REQUIRED = Boolean.getBoolean("legalgen.test.rabbitmq.required");

    private RabbitTestBroker() {}

    public static String freshQueue() {
        return "legalgen-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The broker's address as the application's properties. */
    public static List<String> arguments(String queue) {
        return List.of(
                "--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT, "--legalgen.remote.queue=" + queue);
    }

    /** Messages waiting in {@code queue} (not delivered to a consumer), or -1 when it does not exist. */
    public static long waiting(String queue) {
        CachingConnectionFactory connections = connections();
        try {
            var properties = new RabbitAdmin(connections).getQueueInfo(queue);
            return properties == null ? -1 : properties.getMessageCount();
        } finally {
            connections.destroy();
        }
    }

    public static void deleteQueue(String queue) {
        CachingConnectionFactory connections = connections();
        try {
            new RabbitAdmin(connections).deleteQueue(queue);
        } finally {
            connections.destroy();
        }
    }

    /** For {@code @EnabledIf}: whether this machine's broker can be stopped and started ({@code rabbitmqctl}). */
    public static boolean restartable() {
        return available() && ("127.0.0.1".equals(HOST) || "localhost".equals(HOST)) && rabbitmqctl("status");
    }

    /** Stops the broker's application (every connection drops) and starts it again, as a broker restart does. */
    public static void restart() {
        if (!rabbitmqctl("stop_app") || !rabbitmqctl("start_app")) {
            throw new IllegalStateException("rabbitmqctl could not restart the broker");
        }
    }

    private static boolean rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder("rabbitmqctl", "-q", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For {@code @EnabledIf}: whether a broker answers. A required run fails here when none does. */
    public static boolean available() {
        CachingConnectionFactory connections = connections();
        try {
            connections.createConnection().close();
            return true;
        } catch (RuntimeException e) {
            if (REQUIRED) {
                throw new IllegalStateException(
                        "RabbitMQ is required (legalgen.test.rabbitmq.required=true) but " + HOST + ":" + PORT
                                + " does not answer: " + e.getMessage(),
                        e);
            }
            System.err.println("RabbitMQ tests SKIPPED: no broker at " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "); start one or set -Dlegalgen.test.rabbitmq.host");
            return false;
        } finally {
            connections.destroy();
        }
    }

    private static CachingConnectionFactory connections() {
        return new CachingConnectionFactory(HOST, PORT);
    }
}
