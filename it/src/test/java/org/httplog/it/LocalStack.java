package org.httplog.it;

import java.nio.file.Path;

/**
 * The stack of local processes that {@code bin/test} starts, from the {@code it.*} system properties it
 * passes. A missing property is an error that names it, not a skipped test. The worker runs on this
 * machine, so the sink reaches the proxies at the same addresses as the tests.
 */
final class LocalStack implements PipelineStack {

    static final LocalStack INSTANCE = new LocalStack();

    private LocalStack() {
    }

    @Override
    public String kafkaBootstrap() {
        return required("it.kafka.bootstrap");
    }

    @Override
    public String connectUrl() {
        return required("it.connect.url");
    }

    @Override
    public String clickHouseUrl() {
        return required("it.clickhouse.url");
    }

    @Override
    public String proxyUrl() {
        return required("it.proxy.url");
    }

    @Override
    public String sinkProxyUrl() {
        return proxyUrl();
    }

    @Override
    public Path proxyAccessLog() {
        return Path.of(required("it.proxy.access-log"));
    }

    @Override
    public String fastProxyUrl() {
        return required("it.fast-proxy.url");
    }

    @Override
    public String sinkFastProxyUrl() {
        return fastProxyUrl();
    }

    @Override
    public Path fastProxyAccessLog() {
        return Path.of(required("it.fast-proxy.access-log"));
    }

    @Override
    public String connectJmxAddress() {
        return "localhost:" + required("it.connect.jmx-port");
    }

    /** The worker's plugin.path (only the local stack's: {@link PluginDiscoveryIT} lists it). */
    Path pluginDir() {
        return Path.of(required("it.plugin.dir"));
    }

    String projectVersion() {
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
