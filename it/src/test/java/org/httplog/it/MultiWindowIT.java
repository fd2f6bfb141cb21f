package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * More data than one request may carry, arriving while the sink runs, through a proxy of the same kind
 * at 6 requests per minute (10 s windows) to keep the test short: every record stored once.
 */
class MultiWindowIT {

    private static final int REQUEST_MAX_BYTES = 32 * 1024;

    private final String id = "windows_" + System.currentTimeMillis();

    @AfterEach
    void tearDown() {
        Connect.delete(id);
    }

    @Test
    void rowsThatDoNotFitOneRequestArriveInLaterWindowsExactlyOnce() {
        Records.createTopic(id, 2);
        ClickHouse.createHttpLogTable(id);
        double start = System.currentTimeMillis() / 1000.0;
        List<Struct> records = new ArrayList<>(TestTraffic.records(0, 400));
        Records.produce(id, records);
        Connect.create(Connect.shippedConfig(id, Map.of(
                "topics", id,
                "clickhouse.url", Stack.sinkFastProxyUrl(),
                "clickhouse.table", id,
                "insert.interval.ms", "10000",
                "insert.retry.backoff.ms", "2000",
                "request.max.bytes", Integer.toString(REQUEST_MAX_BYTES),
                "insert.compression", "NONE",
                "insert.format", "JSON_EACH_ROW",
                "errors.deadletterqueue.topic.name", id + "_dlq")));

        Await.until(Duration.ofMinutes(2), () -> ClickHouse.count(id) > 0, () -> "first rows in " + id);
        List<Struct> more = TestTraffic.records(400, 400);
        Records.produce(id, more);
        records.addAll(more);

        Await.until(Duration.ofMinutes(5), () -> {
            Connect.assertNotFailed(id);
            return ClickHouse.count(id) >= records.size();
        }, () -> records.size() + " rows in " + id + ", have " + ClickHouse.count(id));

        assertEquals(records.stream().map(TestTraffic::expectedRow).toList(), Rows.read(id));
        List<ProxyAccessLog.Entry> accepted = new ProxyAccessLog(Stack.fastProxyAccessLog()).since(start).stream()
                .filter(entry -> entry.method().equals("POST") && entry.status() == 200).toList();
        assertTrue(accepted.size() >= 3, "800 JSON rows of ~250 bytes need several bodies of 32 KiB: " + accepted);
    }

}
