package dev.legalgen.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The Spring properties we rely on and Spring would take as given: the database URL (PostgreSQL for remote
 * partitioning) and the server's port.
 */
final class SpringProperties {

    /** The databases the schema migrations are written for (sql/h2, sql/postgresql). */
    private static final List<String> DATABASE_URL_PREFIXES = List.of("jdbc:h2:", "jdbc:postgresql:");

    private SpringProperties() {}

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && DATABASE_URL_PREFIXES.stream().noneMatch(url::startsWith)) {
            // only the scheme: a URL may carry a password in its parameters
            String scheme = url.contains("//") ? url.substring(0, url.indexOf("//")) : url.split("[;?]", 2)[0];
            problems.add("spring.datasource.url: '" + scheme + "...' is not a database this job supports; use"
                    + " jdbc:h2:file:<path> (embedded) or jdbc:postgresql://<host>:<port>/<database>");
        }
        if (sharesTheJobRepository(environment) && (url == null || url.startsWith("jdbc:h2:"))) {
            problems.add("legalgen.job.partitioning=remote and the worker command need PostgreSQL: the manager and its"
                    + " workers share one job repository, and the embedded H2 file admits one process; set"
                    + " spring.datasource.url=jdbc:postgresql://<host>:<port>/<database> in every one of them");
        }
        String port = environment.getProperty("server.port");
        if (port != null && !isPort(port)) {
            problems.add("server.port: '" + port + "' is not a port; use 1-65535, or 0 to pick a free one");
        }
        return problems;
    }

    /** Remote partitioning: the manager or a worker, which run in different processes. */
    private static boolean sharesTheJobRepository(Environment environment) {
        return "remote"
                        .equalsIgnoreCase(environment
                                .getProperty("legalgen.job.partitioning", "")
                                .strip())
                || "true"
                        .equalsIgnoreCase(environment
                                .getProperty("legalgen.remote.worker", "")
                                .strip());
    }

    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            return port >= 0 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
