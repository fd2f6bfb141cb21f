package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path through the production-like proxy that admits one request per minute: Cap'n Proto
 * records in Kafka, the worker with our plugin jar, the proxy, ClickHouse.
 */
class EndToEndThroughOneRequestPerMinuteIT {

    private static final Pattern FULL_IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** What a masked address looks like: kept octets or groups, then only X. */
    private static final Pattern MASKED = Pattern.compile("(\\d{1,3}\\.){1,3}X(\\.X)*|([0-9a-f]{1,4}:){1,7}X(:X)*");
    private static final int RECORDS = 300;

    private final String id = "e2e_" + System.currentTimeMillis();
    private final String connector = id;

    @AfterEach
    void tearDown() {
        Connect.delete(connector);
    }

    @Test
    void everyRecordIsStoredMaskedFieldByFieldDespiteTheProxyRefusingAtFirst() throws Exception {
        Records.createTopic(id, 3);
        ClickHouse.createHttpLogTable(id);
        List<Struct> records = TestTraffic.records(0, RECORDS);
        Records.produce(id, records);
        Records.produceRaw(id, "1.2.3.4 is not a Cap'n Proto message".getBytes(StandardCharsets.UTF_8));

        // Spend the proxy's current window ourselves, so the sink's first inserts are refused with 503.
        double windowSpentAt = spendProxyWindow();
        Connect.create(Connect.shippedConfig(connector, Map.of(
                "topics", id,
                "clickhouse.url", Stack.sinkProxyUrl(),
                "clickhouse.table", id,
                "errors.deadletterqueue.topic.name", id + "_dlq")));

        Await.until(Duration.ofMinutes(4), () -> {
            Connect.assertNotFailed(connector);
            return ClickHouse.count(id) >= RECORDS;
        }, () -> RECORDS + " rows in " + id + ", have " + ClickHouse.count(id));

        List<TestTraffic.Row> expected = records.stream().map(TestTraffic::expectedRow).toList();
        assertEquals(expected, Rows.read(id));
        for (TestTraffic.Row row : Rows.read(id)) {
            assertFalse(FULL_IPV4.matcher(row.remoteAddr()).find(), "unmasked address stored: " + row.remoteAddr());
            for (String element : row.remoteAddr().split(", ")) {
                assertTrue(element.equals("redacted") || MASKED.matcher(element).matches(),
                        "not a masked address: " + row.remoteAddr());
            }
        }

        List<ProxyAccessLog.Entry> inserts = new ProxyAccessLog(Stack.proxyAccessLog()).since(windowSpentAt)
                .stream().filter(entry -> entry.method().equals("POST")).toList();
        assertTrue(inserts.stream().anyMatch(entry -> entry.status() == 503),
                "the proxy refused no insert: " + inserts);
        assertEquals(1, inserts.stream().filter(entry -> entry.status() == 200).count(),
                "every row in one accepted insert: " + inserts);

        // the sink's plugin metrics (KIP-877) reach the worker's JMX, tagged with the connector
        assertEquals(300.0, ((Number) WorkerJmx.metric(connector, "rows-inserted-total")).doubleValue());
        assertTrue(((Number) WorkerJmx.metric(connector, "requests-throttled-total")).doubleValue() >= 1);
        assertEquals(0.0, ((Number) WorkerJmx.metric(connector, "buffered-records")).doubleValue());

        List<ConsumerRecord<byte[], byte[]>> deadLetters = Records.readAll(id + "_dlq", 1, Duration.ofSeconds(30));
        assertEquals(1, deadLetters.size(), "the undecodable record in the dead-letter topic");
        Header exception = deadLetters.get(0).headers().lastHeader("__connect.errors.exception.class.name");
        assertEquals("org.apache.kafka.connect.errors.DataException",
                new String(exception.value(), StandardCharsets.UTF_8));
    }

    /** Sends requests through the proxy until one is admitted; returns when (epoch seconds). */
    private static double spendProxyWindow() {
        double[] admittedAt = new double[1];
        Await.until(Duration.ofSeconds(90), () -> {
            double now = System.currentTimeMillis() / 1000.0;
            if (Http.get(Stack.proxyUrl() + "/?query=SELECT%201").status() == 200) {
                admittedAt[0] = now;
                return true;
            }
            return false;
        }, () -> "the proxy to admit a request");
        return admittedAt[0];
    }

}
