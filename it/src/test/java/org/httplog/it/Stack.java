package org.httplog.it;

import java.nio.file.Path;

/**
 * Where the running stack is, from the {@code it.*} system properties that {@code bin/test} passes.
 * A missing property is an error that names it, not a skipped test.
 */
final class Stack {

    private Stack() {
    }

    static String kafkaBootstrap() {
        return required("it.kafka.bootstrap");
    }

    static String connectUrl() {
        return required("it.connect.url");
    }

    /** ClickHouse's own HTTP port: the tests read results here, never through the proxy. */
    static String clickHouseUrl() {
        return required("it.clickhouse.url");
    }

    /** The proxy limited to 1 request per minute, as in production. */
    static String proxyUrl() {
        return required("it.proxy.url");
    }

    static Path proxyAccessLog() {
        return Path.of(required("it.proxy.access-log"));
    }

    /** A second proxy of the same kind limited to 6 requests per minute, to keep longer tests short. */
    static String fastProxyUrl() {
        return required("it.fast-proxy.url");
    }

    static Path fastProxyAccessLog() {
        return Path.of(required("it.fast-proxy.access-log"));
    }

    static Path pluginDir() {
        return Path.of(required("it.plugin.dir"));
    }

    static String projectVersion() {
        return required("it.project.version");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests "
                    + "with bin/test, which starts the stack and passes its addresses");
        }
        return value;
    }
}
