package org.httplog.it;

import java.nio.file.Path;

/**
 * What the end-to-end scenarios need to know about the stack that serves them: Kafka, the Connect
 * worker with our plugin, ClickHouse and the two rate-limited proxies in front of it. Two stacks
 * implement it, the local processes of {@code bin/test} ({@link LocalStack}) and containers
 * ({@link ContainerStack}); scenarios reach the current one through {@link Stack}.
 */
interface PipelineStack {

    String kafkaBootstrap();

    /** The Connect worker's REST API, as the tests reach it. */
    String connectUrl();

    /** ClickHouse's own HTTP port: the tests read results here, never through the proxy. */
    String clickHouseUrl();

    /** The proxy limited to 1 request per minute, as the tests reach it. */
    String proxyUrl();

    /** The same proxy as the sink in the Connect worker reaches it: the connector's {@code clickhouse.url}. */
    String sinkProxyUrl();

    /** The 1-request-per-minute proxy's access log, in the format {@link ProxyAccessLog} reads. */
    Path proxyAccessLog();

    /** A second proxy of the same kind limited to 6 requests per minute, as the tests reach it. */
    String fastProxyUrl();

    /** The 6-requests-per-minute proxy as the sink in the Connect worker reaches it. */
    String sinkFastProxyUrl();

    Path fastProxyAccessLog();

    /** {@code host:port} of the Connect worker's JMX (RMI registry and server on the same port). */
    String connectJmxAddress();
}
