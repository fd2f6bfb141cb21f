package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With records arriving all the time, the sink learns the real spacing of nginx's {@code 1r/m}
 * (62.5 s, not 60) from its first refusals and then sends one accepted insert per window with no
 * refusal, through the production-like proxy.
 */
class SteadyStateThroughOneRequestPerMinuteIT {

    private static final int STEADY_WINDOWS = 5;

    private final String id = "steady_" + System.currentTimeMillis();

    @AfterEach
    void tearDown() {
        Connect.delete(id);
    }

    @Test
    void afterWarmUpEveryWindowHasOneAcceptedInsertAndNoRefusal() {
        Records.createTopic(id, 3);
        ClickHouse.createHttpLogTable(id);
        ProxyAccessLog log = new ProxyAccessLog(Stack.proxyAccessLog());
        double start = System.currentTimeMillis() / 1000.0;
        List<Struct> produced;
        try (BackgroundProducer producer = new BackgroundProducer(id, 0, 10)) {
            Connect.create(Connect.shippedConfig(id, Map.of(
                    "topics", id,
                    "clickhouse.url", Stack.sinkProxyUrl(),
                    "clickhouse.table", id,
                    "errors.deadletterqueue.topic.name", id + "_dlq")));
            // warm-up: an accepted insert, refusals at 60 s, an accepted insert once the window opens;
            // then the steady windows
            Await.until(Duration.ofMinutes(12), () -> {
                Connect.assertNotFailed(id);
                return steadyWindows(log.since(start)) >= STEADY_WINDOWS;
            }, () -> STEADY_WINDOWS + " refusal-free windows after warm-up: " + posts(log.since(start)));
            produced = producer.stop();
        }
        List<ProxyAccessLog.Entry> posts = posts(log.since(start));
        assertTrue(posts.stream().anyMatch(e -> e.status() == 503), "warm-up had refusals: " + posts);

        Await.until(Duration.ofMinutes(3), () -> ClickHouse.count(id) >= produced.size(),
                () -> produced.size() + " rows, have " + ClickHouse.count(id));
        assertEquals(produced.stream().map(TestTraffic::expectedRow).toList(), Rows.read(id));
    }

    /** Accepted inserts after the last refusal, each in its own window. */
    private static long steadyWindows(List<ProxyAccessLog.Entry> entries) {
        List<ProxyAccessLog.Entry> posts = posts(entries);
        int lastRefusal = -1;
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).status() != 200) {
                lastRefusal = i;
            }
        }
        // the first accepted insert after the warm-up refusals opens the steady phase; count the ones after it
        return lastRefusal < 0 ? 0 : Math.max(0, posts.size() - lastRefusal - 2);
    }

    private static List<ProxyAccessLog.Entry> posts(List<ProxyAccessLog.Entry> entries) {
        return entries.stream().filter(e -> e.method().equals("POST")).toList();
    }
}
