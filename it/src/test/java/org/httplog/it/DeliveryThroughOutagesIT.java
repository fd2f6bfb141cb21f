package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost when ClickHouse is down for several windows, when the proxy is down, or when the
 * Connect worker restarts; a record the sink cannot store goes to the dead-letter topic with a
 * reason while its neighbours are stored. Through the 6 requests/minute proxy (10 s windows).
 */
class DeliveryThroughOutagesIT {

    private final String id = "outage_" + System.currentTimeMillis();

    @AfterEach
    void tearDown() {
        Connect.delete(id);
    }

    @Test
    void clickHouseDownProxyDownAndAWorkerRestartLoseNothing() throws InterruptedException {
        Records.createTopic(id, 2);
        ClickHouse.createHttpLogTable(id);
        // a valid Cap'n Proto record whose timestamp (2^64-1 ms) no ClickHouse DateTime can hold
        Struct poison = TestTraffic.records(1_000_000, 1).get(0)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, -1L);
        Records.produce(id, List.of(poison));
        Connect.create(Connect.shippedConfig(id, Map.of(
                "topics", id,
                "clickhouse.url", Stack.sinkFastProxyUrl(),
                "clickhouse.table", id,
                "insert.interval.ms", "10000",
                "errors.deadletterqueue.topic.name", id + "_dlq")));

        List<Struct> produced;
        try (BackgroundProducer producer = new BackgroundProducer(id, 0, 20)) {
            Await.until(Duration.ofMinutes(2), () -> ClickHouse.count(id) > 0, () -> "first rows in " + id);

            StackControl.stop("clickhouse");
            Thread.sleep(35_000); // three windows and more of 502 from the proxy
            StackControl.start("clickhouse");
            Await.until(Duration.ofMinutes(1), () -> ClickHouse.count(id) > 0, () -> "ClickHouse back");

            StackControl.stop("proxy");
            Thread.sleep(20_000); // connection refused
            StackControl.start("proxy");

            StackControl.stop("connect");
            Thread.sleep(10_000);
            StackControl.start("connect");

            Thread.sleep(10_000);
            produced = producer.stop();
        }

        Await.until(Duration.ofMinutes(4), () -> {
            Connect.assertNotFailed(id);
            return ClickHouse.count(id) >= produced.size();
        }, () -> produced.size() + " rows in " + id + ", have " + ClickHouse.count(id));

        List<TestTraffic.Row> stored = Rows.read(id);
        List<TestTraffic.Row> expected = produced.stream().map(TestTraffic::expectedRow).toList();
        assertEquals(expected, stored.stream().distinct().toList(), "every record stored");
        assertEquals(expected.size(), stored.size(), "no duplicates: " + (stored.size() - expected.size()));

        List<ConsumerRecord<byte[], byte[]>> dead = Records.readAll(id + "_dlq", 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the poison record in the dead-letter topic");
        Header reason = dead.get(0).headers().lastHeader("__connect.errors.exception.message");
        String message = new String(reason.value(), StandardCharsets.UTF_8);
        assertTrue(message.contains("DateTime"), message);
    }
}
