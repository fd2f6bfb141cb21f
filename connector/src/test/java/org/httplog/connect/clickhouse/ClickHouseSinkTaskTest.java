package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClickHouseSinkTaskTest {

    static final Schema SCHEMA = SchemaBuilder.struct().name("org.httplog.HttpLogRecord")
            .field("timestampEpochMilli", Schema.INT64_SCHEMA)
            .field("resourceId", Schema.INT64_SCHEMA)
            .field("bytesSent", Schema.INT64_SCHEMA)
            .field("requestTimeMilli", Schema.INT64_SCHEMA)
            .field("responseStatus", Schema.INT32_SCHEMA)
            .field("cacheStatus", Schema.STRING_SCHEMA)
            .field("method", Schema.STRING_SCHEMA)
            .field("remoteAddr", Schema.STRING_SCHEMA)
            .field("url", Schema.STRING_SCHEMA)
            .build();

    private static final String TOPIC = "http_log";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private MockWebServer server;
    private MutableClock clock;
    private FakeSinkTaskContext context;
    private ClickHouseSinkTask task;

    static Struct row(long resourceId) {
        return new Struct(SCHEMA)
                .put("timestampEpochMilli", 1_700_000_000_500L)
                .put("resourceId", resourceId)
                .put("bytesSent", 1000L)
                .put("requestTimeMilli", 12L)
                .put("responseStatus", 200)
                .put("cacheStatus", "HIT")
                .put("method", "GET")
                .put("remoteAddr", "1.2.3.X")
                .put("url", "/r/" + resourceId);
    }

    static SinkRecord record(int partition, long offset, Object value) {
        return new SinkRecord(TOPIC, partition, null, null, value == null ? null : SCHEMA, value, offset);
    }

    @BeforeEach
    void setUp() throws IOException {
        server = new MockWebServer();
        server.start();
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        context = new FakeSinkTaskContext();
        context.assignment.add(P0);
        context.assignment.add(P1);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (task != null) {
            task.stop();
        }
        server.shutdown();
    }

    private void startTask(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, server.url("/").toString());
        props.put(ClickHouseSinkConfig.INSERT_INTERVAL_MS_CONFIG, "60000");
        props.put(ClickHouseSinkConfig.RETRY_BACKOFF_MS_CONFIG, "5000");
        // bodies readable as text lines in arrival order; the Native/GZIP defaults are tested below
        props.put(ClickHouseSinkConfig.COMPRESSION_CONFIG, "NONE");
        props.put(ClickHouseSinkConfig.FORMAT_CONFIG, "JSON_EACH_ROW");
        props.put(ClickHouseSinkConfig.ROW_ORDER_CONFIG, "ARRIVAL");
        props.putAll(overrides);
        task = new ClickHouseSinkTask(clock);
        task.initialize(context);
        task.start(props);
    }

    private Map<TopicPartition, OffsetAndMetadata> preCommit() {
        return task.preCommit(new HashMap<>());
    }

    @Test
    void insertsTheBufferInOneRequestAndCommitsWhatWasStored() throws Exception {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 10, row(1)), record(1, 20, row(2)), record(0, 11, row(3))));

        Map<TopicPartition, OffsetAndMetadata> committed = preCommit();

        assertEquals(Map.of(P0, new OffsetAndMetadata(12), P1, new OffsetAndMetadata(21)), committed);
        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("INSERT INTO default.http_log (timestamp, resource_id, bytes_sent, request_time_milli, "
                + "response_status, cache_status, method, remote_addr, url) FORMAT JSONEachRow",
                request.getRequestUrl().queryParameter("query"));
        String body = request.getBody().readString(StandardCharsets.UTF_8);
        assertEquals(3, body.lines().count());
        assertTrue(body.startsWith("{\"timestamp\":1700000000,\"resource_id\":1,"), body);
    }

    @Test
    void aRefusedInsertKeepsEverythingAndIsRetriedAfterTheBackOffNotBefore() throws Exception {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 0, row(1)), record(0, 1, row(2))));

        assertEquals(Map.of(P0, new OffsetAndMetadata(0)), preCommit());
        assertEquals(1, server.getRequestCount());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(Map.of(P0, new OffsetAndMetadata(0)), preCommit());
        assertEquals(1, server.getRequestCount(), "no request before the back-off has passed");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Map.of(P0, new OffsetAndMetadata(2)), preCommit());
        assertEquals(2, server.getRequestCount());
        server.takeRequest();
        assertEquals(2, server.takeRequest().getBody().readString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aStoredInsertSpendsTheWholeInterval() {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 0, row(1))));
        preCommit();
        task.put(List.of(record(0, 1, row(2))));

        clock.advance(Duration.ofSeconds(59));
        assertEquals(Map.of(P0, new OffsetAndMetadata(1)), preCommit());
        assertEquals(1, server.getRequestCount());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Map.of(P0, new OffsetAndMetadata(2)), preCommit());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void rowsThatDoNotFitTheBodyLimitWaitForTheNextWindow() throws Exception {
        startTask(Map.of(ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG, "1024"));
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record(0, i, row(i)));
        }
        task.put(records);

        long firstCommit = preCommit().get(P0).offset();
        String firstBody = server.takeRequest().getBody().readString(StandardCharsets.UTF_8);
        assertTrue(firstBody.length() <= 1024, "body of " + firstBody.length() + " bytes");
        assertEquals(firstBody.lines().count(), firstCommit);
        assertTrue(firstCommit > 0 && firstCommit < 20, "committed " + firstCommit);

        clock.advance(Duration.ofSeconds(60));
        assertTrue(preCommit().get(P0).offset() > firstCommit);
    }

    @Test
    void tooLargeHalvesTheBodyLimitAndLosesNothing() throws Exception {
        startTask(Map.of(ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG, "65536"));
        server.enqueue(new MockResponse().setResponseCode(413));
        server.enqueue(new MockResponse().setResponseCode(200));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(record(0, i, row(i)));
        }
        task.put(records);
        assertEquals(0, preCommit().get(P0).offset());
        int firstBody = server.takeRequest().getBody().readString(StandardCharsets.UTF_8).length();

        // nginx refuses an oversize body before counting it against the rate. The sealed body is too
        // large now: the buffer is dropped and the worker re-delivers from the first pending offset.
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Map.of(), preCommit());
        assertEquals(Map.of(P0, 0L), context.rewoundTo);
        assertEquals(1, server.getRequestCount());
        task.put(records);
        long committed = preCommit().get(P0).offset();
        int secondBody = server.takeRequest().getBody().readString(StandardCharsets.UTF_8).length();
        assertTrue(secondBody <= 32768 && secondBody < firstBody, firstBody + " then " + secondBody);
        assertTrue(committed > 0 && committed < 400, "committed " + committed);
        assertTrue(committed > 0);
    }

    @Test
    void serverErrorsKeepTheRowsForTheNextWindow() {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(new MockResponse().setResponseCode(500)
                .setBody("Code: 252, e.displayText() = DB::Exception: Too many parts"));
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 5, row(1))));

        assertEquals(5, preCommit().get(P0).offset());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(5, preCommit().get(P0).offset());
        assertEquals(1, server.getRequestCount(), "a 502 went through the rate limit: the window is spent");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5, preCommit().get(P0).offset());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(6, preCommit().get(P0).offset());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void anUnreachableProxyIsRetriedAfterTheBackOff() throws IOException {
        startTask(Map.of());
        task.put(List.of(record(0, 0, row(1))));
        server.shutdown();

        assertEquals(0, preCommit().get(P0).offset());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, preCommit().get(P0).offset());
    }

    @Test
    void aRowClickHouseRefusesGoesToTheDeadLetterQueueAndTheOthersAreSentNext() throws Exception {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(500).setBody(
                "Code: 27, e.displayText() = DB::Exception: Cannot parse input: expected { before: x: (at row 2)\n"));
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 10, row(1)), record(1, 20, row(-1)), record(0, 11, row(3))));

        assertEquals(Map.of(P0, new OffsetAndMetadata(10), P1, new OffsetAndMetadata(21)), preCommit());
        assertEquals(1, context.deadLetters.size());
        SinkRecord dead = context.deadLetters.get(0);
        assertEquals(TOPIC, dead.topic());
        assertEquals(1, dead.kafkaPartition());
        assertEquals(20L, dead.kafkaOffset());
        Struct value = (Struct) dead.value();
        assertEquals(-1L, value.getInt64("resourceId"));
        assertEquals(1_700_000_000_000L, value.getInt64("timestampEpochMilli"));
        assertEquals("1.2.3.X", value.getString("remoteAddr"));
        assertTrue(context.deadLetterReasons.get(0).getMessage().contains("code 27"));

        clock.advance(Duration.ofSeconds(60));
        assertEquals(Map.of(P0, new OffsetAndMetadata(12), P1, new OffsetAndMetadata(21)), preCommit());
        server.takeRequest();
        assertEquals(2, server.takeRequest().getBody().readString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void theFirstRowRefusedAgainAndAgainMeansTheTableIsWrongAndFailsTheTask() {
        startTask(Map.of());
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(500)
                    .setBody("Code: 27, e.displayText() = DB::Exception: Cannot parse input: (at row 1)"));
        }
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(record(0, i, row(i)));
        }
        task.put(records);
        for (int i = 0; i < 3; i++) {
            preCommit();
            clock.advance(Duration.ofSeconds(60));
        }
        assertEquals(2, context.deadLetters.size());
        ConnectException e = assertThrows(ConnectException.class, () -> task.put(List.of()));
        assertTrue(e.getMessage().contains("probably does not match"), e.getMessage());
        assertEquals(2, preCommit().get(P0).offset());
    }

    @Test
    void fatalAnswersFailTheTaskOnTheNextPutWithoutCommitting() {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(404)
                .setBody("Code: 60, e.displayText() = DB::Exception: Table default.http_log doesn't exist."));
        task.put(List.of(record(0, 0, row(1))));

        assertEquals(0, preCommit().get(P0).offset());
        ConnectException e = assertThrows(ConnectException.class, () -> task.put(List.of()));
        assertTrue(e.getMessage().contains("code 60"), e.getMessage());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, preCommit().get(P0).offset());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void badRecordsGoToTheDeadLetterQueueAndTheirOffsetsCountAsDone() throws Exception {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(200));
        Struct badStatus = row(2).put("responseStatus", 70_000);
        Struct farFuture = row(3).put("timestampEpochMilli", -1L);
        task.put(List.of(record(0, 0, row(1)), record(0, 1, badStatus), record(0, 2, farFuture),
                record(0, 3, "not a struct"), record(0, 4, null), record(0, 5, row(6))));

        assertEquals(Map.of(P0, new OffsetAndMetadata(6)), preCommit());
        assertEquals(List.of(1L, 2L, 3L), context.deadLetters.stream().map(SinkRecord::kafkaOffset).toList());
        for (Throwable reason : context.deadLetterReasons) {
            assertFalse(reason.getMessage().contains("70000"), reason.getMessage());
        }
        assertEquals(2, server.takeRequest().getBody().readString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aBatchKnowsTheOffsetRangesItCarries() {
        RecordBuffer buffer = new RecordBuffer(new BatchSealer(InsertFormat.ROW_BINARY, Compression.NONE, 0,
                RowOrder.ARRIVAL));
        HttpLogRow row = HttpLogRow.of(row(1));
        buffer.add(P0, 10, row, 0, 1024);
        buffer.add(P1, 20, row, 0, 1024);
        buffer.add(P0, 12, row, 0, 1024);
        buffer.add(P1, 21, row, 0, 1024);
        int rowBytes = 4 + 8 * 3 + 2 + 4 + 4 + 8 + 5;
        InsertBatch batch = buffer.next(3 * rowBytes);
        assertEquals(3, batch.rowCount());
        assertEquals(Map.of(P0, new InsertBatch.OffsetRange(10, 12), P1, new InsertBatch.OffsetRange(20, 20)),
                batch.offsets());
    }

    @Test
    void gzipBodiesCarryManyMoreRowsWithinTheLimit() throws Exception {
        startTask(Map.of(ClickHouseSinkConfig.COMPRESSION_CONFIG, "GZIP",
                ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG, "4096"));
        server.enqueue(new MockResponse().setResponseCode(200));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(record(0, i, row(i)));
        }
        task.put(records);

        long stored = preCommit().get(P0).offset();

        RecordedRequest request = server.takeRequest();
        assertEquals("gzip", request.getHeader("Content-Encoding"));
        byte[] body = request.getBody().readByteArray();
        assertTrue(body.length <= 4096, body.length + " bytes");
        String rows = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(stored, rows.lines().count());
        assertTrue(rows.length() > 4 * 4096, "only " + rows.length() + " raw bytes in a 4 KiB body");
        assertTrue(body.length > 0.8 * 4096, "the body uses the limit: " + body.length);
    }

    @Test
    void aRowThatNoLongerFitsAfterA413GoesToTheDeadLetterQueue() {
        startTask(Map.of(ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG, "32768"));
        server.enqueue(new MockResponse().setResponseCode(413));
        server.enqueue(new MockResponse().setResponseCode(200));
        Struct big = row(1).put("url", "/" + "u".repeat(20_000));
        List<SinkRecord> records = List.of(record(0, 0, big), record(0, 1, row(2)));
        task.put(records);

        preCommit(); // 413: limit 16 KiB, the sealed body no longer fits
        clock.advance(Duration.ofSeconds(5));
        preCommit(); // drops the buffer and rewinds
        task.put(records); // re-delivered: the big row alone does not fit
        clock.advance(Duration.ofSeconds(5));
        preCommit();
        assertEquals(List.of(0L), context.deadLetters.stream().map(SinkRecord::kafkaOffset).toList());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, preCommit().get(P0).offset());
    }

    @Test
    void aFailedDeadLetterReportCommitsNothingAndFailsTheTaskOnTheNextPut() {
        FakeSinkTaskContext failingDlq = new FakeSinkTaskContext() {
            @Override
            public org.apache.kafka.connect.sink.ErrantRecordReporter errantRecordReporter() {
                return (record, error) -> java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("DLQ topic unavailable"));
            }
        };
        context = failingDlq;
        startTask(Map.of());
        task.put(List.of(record(0, 0, row(1).put("responseStatus", 70_000))));

        assertEquals(Map.of(), preCommit());
        ConnectException e = assertThrows(ConnectException.class, () -> task.put(List.of()));
        assertTrue(e.getMessage().contains("dead-letter queue"), e.getMessage());
    }

    @Test
    void nothingBufferedMeansNoRequest() {
        startTask(Map.of());
        task.put(List.of(record(0, 7, null)));
        assertEquals(Map.of(P0, new OffsetAndMetadata(8)), preCommit());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void revokedPartitionsAreDroppedAndTheRestIsReDelivered() throws Exception {
        startTask(Map.of());
        server.enqueue(new MockResponse().setResponseCode(200));
        task.put(List.of(record(0, 0, row(1)), record(0, 1, row(3)), record(1, 0, row(2))));
        task.close(List.of(P1));

        assertEquals(Map.of(P0, 0L), context.rewoundTo);
        assertEquals(Map.of(), preCommit());
        task.put(List.of(record(0, 0, row(1))));
        assertEquals(Map.of(P0, new OffsetAndMetadata(1)), preCommit());
        assertEquals(1, server.takeRequest().getBody().readString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aFullBufferPausesTheAssignmentUntilAnInsertDrainsIt() {
        startTask(Map.of(ClickHouseSinkConfig.BUFFER_MAX_BYTES_CONFIG, "2048"));
        server.enqueue(new MockResponse().setResponseCode(200));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(record(0, i, row(i)));
        }
        task.put(records);
        assertEquals(context.assignment, context.paused);

        preCommit();
        assertTrue(context.paused.isEmpty());
    }

    @Test
    void asksForACommitWhenAWindowIsOpenAndRowsWait() {
        startTask(Map.of());
        task.put(List.of());
        assertEquals(0, context.commitRequests);
        task.put(List.of(record(0, 0, row(1))));
        assertEquals(1, context.commitRequests);
    }
}
