package org.httplog.connect.clickhouse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.httplog.common.PluginVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records in {@link #put} and inserts them from {@link #preCommit}, at most one request per
 * window of the proxy's budget, returning only offsets whose records are stored (or were sent to the
 * dead-letter queue).
 *
 * <p>Stages, in order: validate each record ({@link HttpLogRow}; a bad record goes to the
 * {@link ErrantRecordReporter}), buffer it compactly and seal full request bodies
 * ({@link RecordBuffer}, {@link BatchSealer}), decide when
 * ({@link InsertScheduler}), send ({@link ClickHouseHttpClient}), classify the answer
 * ({@link InsertOutcome}), track offsets ({@link OffsetTracker}). Logs carry coordinates and counts,
 * never record values.
 */
public class ClickHouseSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSinkTask.class);
    private static final int MIN_REQUEST_BYTES = 16 * 1024;
    private static final int MAX_CONSECUTIVE_FIRST_ROW_REJECTIONS = 3;

    /** Task config keys the connector adds for each task: its index and the number of tasks. */
    static final String TASK_INDEX = "httplog.task.index";
    static final String TASK_COUNT = "httplog.task.count";

    private final Clock clock;
    private ClickHouseSinkConfig config;
    private RecordBuffer buffer;
    private OffsetTracker offsets;
    private InsertScheduler scheduler;
    private ClickHouseHttpClient client;
    private ErrantRecordReporter errantRecordReporter;
    private final List<Future<Void>> pendingReports = new ArrayList<>();
    private int requestMaxBytes;
    private boolean paused;
    private ConnectException failure;
    private int consecutiveFirstRowRejections;
    private SinkTaskMetrics metrics;

    public ClickHouseSinkTask() {
        this(Clock.systemUTC());
    }

    ClickHouseSinkTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.config = new ClickHouseSinkConfig(props);
        this.buffer = new RecordBuffer(CodecCheck.sealer(config));
        this.offsets = new OffsetTracker();
        int taskIndex = Integer.parseInt(props.getOrDefault(TASK_INDEX, "0"));
        int taskCount = Integer.parseInt(props.getOrDefault(TASK_COUNT, "1"));
        this.scheduler = new InsertScheduler(clock, config.insertInterval(), config.retryBackoff(), taskIndex,
                taskCount);
        this.client = new ClickHouseHttpClient(config);
        this.requestMaxBytes = config.requestMaxBytes();
        this.errantRecordReporter = context == null ? null : context.errantRecordReporter();
        this.metrics = SinkTaskMetrics.register(context == null ? null : context.pluginMetrics());
        metrics.gauge("buffered-records", "Rows waiting for an insert.", () -> buffer.size());
        metrics.gauge("buffered-bytes", "Bytes held for inserts: sealed (compressed) bodies plus staged rows.",
                () -> buffer.bytes());
        metrics.gauge("sealed-requests", "Request bodies sealed and waiting for a window.",
                () -> buffer.sealedBatches());
        metrics.gauge("oldest-buffered-record-age-ms", "Age of the oldest row waiting, ms (0 when none).", () -> {
            long oldest = buffer.oldestReceivedAtMillis();
            return oldest < 0 ? 0 : Math.max(0, clock.millis() - oldest);
        });
        metrics.gauge("next-insert-in-ms", "Time until the task may send its next request, ms.",
                () -> Math.max(0, Duration.between(clock.instant(), scheduler.nextAttempt()).toMillis()));
        metrics.gauge("insert-spacing-ms", "Spacing between accepted requests, as learned from the proxy, ms.",
                () -> scheduler.spacing().toMillis());
        metrics.gauge("partitions-paused", "1 while the task has paused consumption because its buffer is full.",
                () -> paused ? 1L : 0L);
        log.info("ClickHouse sink task {} of {} started: table {}.{} via {}, one insert per {} ms shared by all tasks, "
                + "bodies up to {} bytes", taskIndex + 1, taskCount, config.database(), config.table(), config.url(),
                config.insertInterval().toMillis(), requestMaxBytes);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (failure != null) {
            throw failure;
        }
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            long offset = record.originalKafkaOffset();
            offsets.seen(partition, offset);
            if (record.value() == null) {
                continue;
            }
            try {
                buffer.add(partition, offset, HttpLogRow.of(record.value()), clock.millis(), requestMaxBytes);
            } catch (DataException e) {
                reportErrant(record, e);
            }
        }
        buffer.sealFullRequests(requestMaxBytes);
        pauseIfFull();
        if (!buffer.isEmpty() && scheduler.isDue() && context != null) {
            context.requestCommit();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (failure == null && !buffer.isEmpty() && scheduler.isDue()) {
            insertOneBatch();
        }
        if (!awaitErrantReports()) {
            return Map.of(); // a dead-letter report failed: commit nothing more; the task fails on the next put
        }
        return offsets.committable(buffer.firstPendingOffsets());
    }

    private void insertOneBatch() {
        InsertBatch batch = buffer.next(requestMaxBytes);
        if (batch == null) {
            deadLetterOversizeHead();
            return;
        }
        if (batch.body().length > requestMaxBytes) {
            rewind("request bodies sealed before the body limit was lowered to " + requestMaxBytes + " bytes");
            return;
        }
        Instant sentAt = scheduler.now();
        metrics.requestSent();
        InsertResponse response;
        try {
            response = client.insert(batch.body(), batch.compression().contentEncoding());
        } catch (java.net.ConnectException e) {
            metrics.failed();
            scheduler.onNotSent(null);
            log.warn("Cannot connect to {} ({}); {} rows stay buffered, next try at {}", config.url(), e.toString(),
                    buffer.size(), scheduler.nextAttempt());
            return;
        } catch (IOException e) {
            metrics.failed();
            metrics.unknownOutcome();
            scheduler.onWindowSpent(sentAt);
            log.warn("Insert of {} rows (offsets {}) got no answer ({}); they stay buffered and are sent again at {}. "
                    + "If ClickHouse stored them before the answer was lost, they will be stored twice.",
                    batch.rowCount(), batch.offsets(), e.toString(), scheduler.nextAttempt());
            return;
        } finally {
            metrics.insertLatency(Duration.between(sentAt, scheduler.now()).toMillis());
        }
        handle(batch, sentAt, response);
    }

    private void handle(InsertBatch batch, Instant sentAt, InsertResponse response) {
        InsertOutcome outcome = InsertOutcome.classify(response);
        if (outcome.spendsWindow()) {
            scheduler.onWindowSpent(sentAt);
        }
        switch (outcome) {
            case STORED -> {
                buffer.removeStored(batch);
                consecutiveFirstRowRejections = 0;
                metrics.inserted(batch.rowCount(), batch.body().length);
                log.info("Inserted {} rows ({} bytes, {} before compression, {}); {} rows buffered; next insert at {} "
                        + "(spacing {} ms)", batch.rowCount(), batch.body().length, batch.rawBytes(),
                        batch.format().clickHouseName(), buffer.size(), scheduler.nextAttempt(),
                        scheduler.spacing().toMillis());
                resumeIfDrained();
            }
            case THROTTLED -> {
                metrics.throttled();
                scheduler.onThrottled(response.retryAfter());
                log.debug("Proxy refused the insert with {}; next try at {}", response.status(),
                        scheduler.nextAttempt());
            }
            case BODY_TOO_LARGE -> {
                metrics.tooLarge();
                requestMaxBytes = Math.max(MIN_REQUEST_BYTES, requestMaxBytes / 2);
                scheduler.onNotSent(response.retryAfter());
                log.warn("Proxy refused a {}-byte body with 413: sending at most {} bytes per request from now on "
                        + "(lower {} to match the proxy's client_max_body_size)", batch.body().length,
                        requestMaxBytes, ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG);
            }
            case TRANSIENT -> {
                metrics.failed();
                log.warn("Insert of {} rows failed with HTTP {}{}; they stay buffered, next try at {}",
                        batch.rowCount(), response.status(), describeCode(response), scheduler.nextAttempt());
            }
            case ROW_REJECTED -> {
                metrics.failed();
                deadLetterRejectedRow(batch, response);
            }
            case FATAL -> {
                metrics.failed();
                fail("ClickHouse refused the insert with HTTP " + response.status() + describeCode(response)
                        + ". Check " + ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG + ", the credentials and that table "
                        + config.database() + "." + config.table() + " exists with the columns of http_log.sql. "
                        + "Nothing past the last stored row was committed.");
            }
        }
    }

    /**
     * ClickHouse named the row whose data it could not take; the insert stored nothing. That row's
     * record goes to the dead-letter queue and the others are sent in the next window. When the
     * first row of batch after batch is refused, the problem is the table, not the data: the task
     * fails rather than emptying the stream into the dead-letter queue.
     */
    private void deadLetterRejectedRow(InsertBatch batch, InsertResponse response) {
        int row = InsertOutcome.rejectedRow(response.body());
        String reason = "ClickHouse refused the row with error code " + InsertOutcome.clickHouseCode(response.body());
        if (batch.origins() == null) {
            fail("ClickHouse refused row " + row + " of a " + batch.format().clickHouseName() + " insert"
                    + describeCode(response) + "; the sink validates every value, so the table probably does not "
                    + "match the columns of http_log.sql.");
            return;
        }
        if (row < 1 || row > batch.rowCount()) {
            fail("ClickHouse refused row " + row + " of a " + batch.rowCount() + "-row insert" + describeCode(response)
                    + "; the row is not in the batch, so the request itself is malformed.");
            return;
        }
        consecutiveFirstRowRejections = row == 1 ? consecutiveFirstRowRejections + 1 : 0;
        if (consecutiveFirstRowRejections >= MAX_CONSECUTIVE_FIRST_ROW_REJECTIONS) {
            fail("ClickHouse refused the first row of " + consecutiveFirstRowRejections + " inserts in a row"
                    + describeCode(response) + ": table " + config.database() + "." + config.table()
                    + " probably does not match the columns of http_log.sql.");
            return;
        }
        if (errantRecordReporter == null) {
            fail(reason + " (row " + row + " of the insert) and no dead-letter queue is available: set "
                    + "errors.tolerance=all and errors.deadletterqueue.topic.name");
            return;
        }
        reportFromPreCommit(buffer.removeRejected(batch, row - 1), reason);
        log.warn("{} rows stay buffered for the next insert at {}", buffer.size(), scheduler.nextAttempt());
    }

    /**
     * The first buffered row does not fit a request on its own (the body limit was lowered after a
     * 413 answer): it can never be sent, so it goes to the dead-letter queue, or the task fails.
     */
    private void deadLetterOversizeHead() {
        if (buffer.isEmpty()) {
            return;
        }
        String reason = "Row does not fit one request of " + requestMaxBytes + " bytes ("
                + ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG + ", lowered after the proxy refused larger bodies)";
        if (errantRecordReporter == null) {
            fail(reason + " and no dead-letter queue is available");
            return;
        }
        reportFromPreCommit(buffer.removeOldestStaged(), reason);
    }

    /** Reports a buffered row from preCommit; a reporter that throws fails the task instead. */
    private void reportFromPreCommit(RecordBuffer.RemovedRow row, String reason) {
        try {
            reportErrant(RejectedRows.toRecord(row), new DataException(reason));
        } catch (RuntimeException e) {
            fail("Could not report record " + row.partition() + "@" + row.offset() + " to the dead-letter queue ("
                    + reason + "): " + e.getMessage());
        }
    }

    private void fail(String message) {
        failure = new ConnectException(message);
        log.error("Stopping the task: {}", message);
    }

    private static String describeCode(InsertResponse response) {
        Integer code = InsertOutcome.clickHouseCode(response.body());
        return code == null ? "" : " (ClickHouse error code " + code + ")";
    }

    private void reportErrant(SinkRecord record, DataException error) {
        if (errantRecordReporter == null) {
            throw new DataException("Record " + record.originalTopic() + "-" + record.originalKafkaPartition() + "@"
                    + record.originalKafkaOffset() + " cannot be stored and no dead-letter queue is available: "
                    + error.getMessage(), error);
        }
        log.warn("Sending record {}-{}@{} to the dead-letter queue: {}", record.originalTopic(),
                record.originalKafkaPartition(), record.originalKafkaOffset(), error.getMessage());
        metrics.deadLettered();
        pendingReports.add(errantRecordReporter.report(record, error));
    }

    /**
     * Waits until the dead-letter queue has every record reported so far, so their offsets may be
     * committed. A failure is kept for the next {@link #put} (never thrown from preCommit, which
     * would make the worker rewind and re-deliver what is already buffered).
     */
    private boolean awaitErrantReports() {
        try {
            for (Future<Void> report : pendingReports) {
                report.get();
            }
            pendingReports.clear();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while reporting records to the dead-letter queue");
        } catch (ExecutionException e) {
            fail("Could not report a record to the dead-letter queue: " + e.getCause());
        }
        return false;
    }

    private void pauseIfFull() {
        if (!paused && buffer.bytes() >= config.bufferMaxBytes() && context != null) {
            context.pause(context.assignment().toArray(new TopicPartition[0]));
            paused = true;
            log.info("Buffer holds {} bytes ({} rows), at least {}: pausing consumption until an insert drains it",
                    buffer.bytes(), buffer.size(), ClickHouseSinkConfig.BUFFER_MAX_BYTES_CONFIG);
        }
    }

    private void resumeIfDrained() {
        if (paused && buffer.bytes() < config.bufferMaxBytes() / 2 && context != null) {
            context.resume(context.assignment().toArray(new TopicPartition[0]));
            paused = false;
            log.info("Buffer down to {} bytes: resuming consumption", buffer.bytes());
        }
    }

    /**
     * Drops the whole buffer and has the worker re-deliver every partition from its first pending
     * row: sealed bodies mix partitions and cannot be cut, so this is how they are re-sealed smaller
     * (after a 413) or rid of a revoked partition's rows.
     */
    private void rewind(String why) {
        rewind(List.of(), why);
    }

    /** Drops the buffer; the pending partitions other than {@code revoked} are re-read from their first pending row. */
    private void rewind(Collection<TopicPartition> revoked, String why) {
        Map<TopicPartition, Long> pending = new HashMap<>(buffer.firstPendingOffsets());
        if (pending.isEmpty()) {
            return;
        }
        buffer.clear();
        offsets.forget(pending.keySet());
        pending.keySet().removeAll(revoked);
        if (context != null && !pending.isEmpty()) {
            context.offset(pending);
        }
        log.warn("Dropped the buffer ({}): re-reading {} from offsets {}", why, pending.keySet(), pending);
        resumeIfDrained();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
        rewind(partitions, "partitions " + partitions + " revoked");
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (buffer != null) {
            buffer.close();
        }
    }
}
