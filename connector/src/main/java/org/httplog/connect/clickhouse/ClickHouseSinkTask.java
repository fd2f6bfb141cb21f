package org.httplog.connect.clickhouse;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>Stages, in order: encode and validate each record ({@link JsonEachRowEncoder}; a bad record goes
 * to the {@link ErrantRecordReporter}), buffer ({@link RecordBuffer}), decide when
 * ({@link InsertScheduler}), send ({@link ClickHouseHttpClient}), classify the answer
 * ({@link InsertOutcome}), track offsets ({@link OffsetTracker}). Logs carry coordinates and counts,
 * never record values.
 */
public class ClickHouseSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSinkTask.class);
    private static final int MIN_REQUEST_BYTES = 16 * 1024;

    private final Clock clock;
    private ClickHouseSinkConfig config;
    private JsonEachRowEncoder encoder;
    private RecordBuffer buffer;
    private OffsetTracker offsets;
    private InsertScheduler scheduler;
    private ClickHouseHttpClient client;
    private ErrantRecordReporter errantRecordReporter;
    private final List<Future<Void>> pendingReports = new ArrayList<>();
    private int requestMaxBytes;
    private boolean paused;
    private ConnectException failure;

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
        start(props, null);
    }

    /** Starts with a given client; tests pass a client aimed at a fake server. */
    void start(Map<String, String> props, ClickHouseHttpClient clientOverride) {
        this.config = new ClickHouseSinkConfig(props);
        this.encoder = new JsonEachRowEncoder();
        this.buffer = new RecordBuffer();
        this.offsets = new OffsetTracker();
        this.scheduler = new InsertScheduler(clock, config.insertInterval(), config.retryBackoff());
        this.client = clientOverride != null ? clientOverride : new ClickHouseHttpClient(config);
        this.requestMaxBytes = config.requestMaxBytes();
        this.errantRecordReporter = context == null ? null : context.errantRecordReporter();
        log.info("ClickHouse sink task started: table {}.{} via {}, one insert per {} ms, bodies up to {} bytes",
                config.database(), config.table(), config.url(), config.insertInterval().toMillis(),
                requestMaxBytes);
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
                byte[] row = encoder.encode(record.value());
                if (row.length > requestMaxBytes) {
                    throw new DataException("Encoded row is " + row.length + " bytes, more than one request may carry ("
                            + ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG + "=" + requestMaxBytes + ")");
                }
                buffer.add(new PendingRow(partition, offset, row));
            } catch (DataException e) {
                reportErrant(record, e);
            }
        }
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
        awaitErrantReports();
        return offsets.committable(buffer.firstPendingOffsets());
    }

    private void insertOneBatch() {
        InsertBatch batch = buffer.nextBatch(requestMaxBytes);
        if (batch == null) {
            return;
        }
        Instant sentAt = scheduler.now();
        InsertResponse response;
        try {
            response = client.insert(batch.body());
        } catch (IOException e) {
            log.warn("Insert of {} rows got no answer ({}); the rows stay buffered and are sent again after {} ms. "
                    + "If ClickHouse stored them before the answer was lost, they will be stored twice.",
                    batch.rowCount(), e.toString(), config.retryBackoff().toMillis());
            scheduler.onRetryLater(null);
            return;
        }
        InsertOutcome outcome = InsertOutcome.classify(response);
        switch (outcome) {
            case STORED -> {
                buffer.removeStored(batch);
                scheduler.onWindowSpent(sentAt);
                log.info("Inserted {} rows ({} bytes); {} rows buffered; next insert not before {}",
                        batch.rowCount(), batch.body().length, buffer.size(), scheduler.nextAttempt());
                resumeIfDrained();
            }
            case THROTTLED -> {
                scheduler.onRetryLater(response.retryAfter());
                log.debug("Proxy refused the insert with {}; retrying at {}", response.status(),
                        scheduler.nextAttempt());
            }
            case BODY_TOO_LARGE -> {
                // nginx answers 413 before the rate limit counts the request: the window is not spent.
                requestMaxBytes = Math.max(MIN_REQUEST_BYTES, requestMaxBytes / 2);
                scheduler.onRetryLater(response.retryAfter());
                log.warn("Proxy refused a {}-byte body with 413: sending at most {} bytes per request from now on "
                        + "(lower {} to match the proxy's client_max_body_size)", batch.body().length,
                        requestMaxBytes, ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG);
            }
            case TRANSIENT -> {
                scheduler.onRetryLater(response.retryAfter());
                log.warn("Insert of {} rows failed with HTTP {}{}; retrying at {}", batch.rowCount(),
                        response.status(), describeCode(response), scheduler.nextAttempt());
            }
            case FATAL -> {
                failure = new ConnectException("ClickHouse refused the insert with HTTP " + response.status()
                        + describeCode(response) + ". Check " + ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG + ", the "
                        + "credentials and that table " + config.database() + "." + config.table() + " exists with "
                        + "the columns of http_log.sql. Nothing past the last stored row was committed.");
                log.error("Stopping the task: {}", failure.getMessage());
            }
        }
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
        pendingReports.add(errantRecordReporter.report(record, error));
    }

    private void awaitErrantReports() {
        try {
            for (Future<Void> report : pendingReports) {
                report.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting records to the dead-letter queue", e);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not report a record to the dead-letter queue", e.getCause());
        }
        pendingReports.clear();
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

    @Override
    public void close(Collection<TopicPartition> partitions) {
        buffer.drop(partitions);
        offsets.forget(partitions);
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
    }
}
