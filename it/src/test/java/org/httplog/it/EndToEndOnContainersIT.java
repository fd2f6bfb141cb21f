package org.httplog.it;

/** {@link EndToEndThroughOneRequestPerMinuteIT} on {@link ContainerStack}: current ClickHouse, 1 request/minute. */
@OnContainers
class EndToEndOnContainersIT extends EndToEndThroughOneRequestPerMinuteIT {
}
