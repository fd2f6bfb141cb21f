package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records arrive many times faster than the proxy lets the sink carry them (6 requests a minute of
 * at most 8 KiB each): the task fills its small buffer, pauses its partitions, and the backlog waits
 * in Kafka. The buffer stays within its limit, the consumer's lag grows while the producer runs, and
 * once it stops the sink catches up with every record stored exactly once and everything committed.
 */
class IngressAboveCapacityIT {

    private static final int REQUEST_MAX_BYTES = 8 * 1024;
    private static final long BUFFER_MAX_BYTES = 64 * 1024;
    private static final int PRODUCE_SECONDS = 30;
    private static final int PER_SECOND = 1_000;

    private final String id = "overload_" + System.currentTimeMillis();

    @AfterEach
    void tearDown() {
        Connect.delete(id);
    }

    @Test
    void theBacklogWaitsInKafkaNotInTheHeapAndNothingIsLost() throws Exception {
        Records.createTopic(id, 2);
        ClickHouse.createHttpLogTable(id);
        Connect.create(Connect.shippedConfig(id, Map.of(
                "topics", id,
                "clickhouse.url", Stack.sinkFastProxyUrl(),
                "clickhouse.table", id,
                "insert.interval.ms", "10000",
                "insert.retry.backoff.ms", "2000",
                "request.max.bytes", Integer.toString(REQUEST_MAX_BYTES),
                "buffer.max.bytes", Long.toString(BUFFER_MAX_BYTES),
                "errors.deadletterqueue.topic.name", id + "_dlq")));

        List<Struct> produced = new ArrayList<>();
        List<Long> lagSamples = new ArrayList<>();
        long maxBuffered = 0;
        boolean sawPaused = false;
        for (int second = 0; second < PRODUCE_SECONDS; second++) {
            long started = System.currentTimeMillis();
            List<Struct> batch = TestTraffic.records(produced.size(), PER_SECOND);
            Records.produce(id, batch);
            produced.addAll(batch);
            Number buffered = (Number) WorkerJmx.metric(id, "buffered-bytes");
            Number paused = (Number) WorkerJmx.metric(id, "partitions-paused");
            maxBuffered = Math.max(maxBuffered, buffered == null ? 0 : buffered.longValue());
            sawPaused |= paused != null && paused.longValue() == 1;
            if (second % 5 == 4) {
                lagSamples.add(uncommitted());
            }
            Thread.sleep(Math.max(0, 1000 - (System.currentTimeMillis() - started)));
        }
        System.out.printf("over capacity: %d records in %d s; uncommitted every 5 s: %s; most buffered: %d bytes%n",
                produced.size(), PRODUCE_SECONDS, lagSamples, maxBuffered);

        assertTrue(sawPaused, "a full buffer pauses the partitions");
        // the limit, plus what one poll delivers after the buffer filled, plus a sealed request
        assertTrue(maxBuffered <= BUFFER_MAX_BYTES + 500 * 256 + REQUEST_MAX_BYTES,
                "buffer held " + maxBuffered + " bytes, limit " + BUFFER_MAX_BYTES);
        for (int i = 1; i < lagSamples.size(); i++) {
            assertTrue(lagSamples.get(i) > lagSamples.get(i - 1), "lag grows while ingress exceeds capacity: "
                    + lagSamples);
        }

        Await.until(Duration.ofMinutes(10), () -> {
            Connect.assertNotFailed(id);
            return ClickHouse.count(id) >= produced.size();
        }, () -> produced.size() + " rows in " + id + ", have " + ClickHouse.count(id));
        assertEquals(produced.stream().map(TestTraffic::expectedRow).toList(), Rows.read(id));
        Await.until(Duration.ofMinutes(1), () -> uncommitted() == 0, () -> "all offsets committed");
        System.out.printf("caught up: %d rows stored exactly once; %s requests sent, %s rows in the last one%n",
                produced.size(), WorkerJmx.metric(id, "requests-total"), WorkerJmx.metric(id, "rows-per-insert-last"));
    }

    /** Records in the topic beyond the connector's committed offsets. */
    private long uncommitted() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("connect-" + id)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = List.of(new TopicPartition(id, 0), new TopicPartition(id, 1));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot read offsets of connect-" + id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
