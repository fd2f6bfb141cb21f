package org.httplog.it;

import java.nio.file.Path;

/**
 * Where the stack serving the scenarios is. By default the local processes of {@code bin/test}
 * ({@link LocalStack}); the container variants of the scenarios switch to {@link ContainerStack} for
 * their class and back afterwards ({@link OnContainers}). Scenarios only call the static methods here,
 * so the same scenario code runs on either stack.
 */
final class Stack {

    private static volatile PipelineStack current = LocalStack.INSTANCE;

    private Stack() {
    }

    /** Serves the following scenarios from {@code stack}, until the next call. */
    static void use(PipelineStack stack) {
        current = stack;
    }

    static String kafkaBootstrap() {
        return current.kafkaBootstrap();
    }

    static String connectUrl() {
        return current.connectUrl();
    }

    /** ClickHouse's own HTTP port: the tests read results here, never through the proxy. */
    static String clickHouseUrl() {
        return current.clickHouseUrl();
    }

    /** The proxy limited to 1 request per minute, as in production, as the tests reach it. */
    static String proxyUrl() {
        return current.proxyUrl();
    }

    /** The 1-request-per-minute proxy as the sink reaches it: what a connector's {@code clickhouse.url} says. */
    static String sinkProxyUrl() {
        return current.sinkProxyUrl();
    }

    static Path proxyAccessLog() {
        return current.proxyAccessLog();
    }

    /** A second proxy of the same kind limited to 6 requests per minute, to keep longer tests short. */
    static String fastProxyUrl() {
        return current.fastProxyUrl();
    }

    /** The 6-requests-per-minute proxy as the sink reaches it. */
    static String sinkFastProxyUrl() {
        return current.sinkFastProxyUrl();
    }

    static Path fastProxyAccessLog() {
        return current.fastProxyAccessLog();
    }

    /** {@code host:port} of the Connect worker's JMX. */
    static String connectJmxAddress() {
        return current.connectJmxAddress();
    }

    /** The local worker's plugin.path: only the local stack has one on this machine. */
    static Path pluginDir() {
        return LocalStack.INSTANCE.pluginDir();
    }

    static String projectVersion() {
        return LocalStack.INSTANCE.projectVersion();
    }
}
