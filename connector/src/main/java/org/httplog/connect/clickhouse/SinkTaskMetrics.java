package org.httplog.connect.clickhouse;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Value;

/**
 * The sink task's metrics, registered through Connect's plugin metrics (KIP-877), so the worker
 * publishes them over JMX tagged with the connector and task. Without a metrics registry (unit
 * tests, an old worker) every call is a no-op.
 *
 * <p>The README's metrics table lists every name.
 */
final class SinkTaskMetrics {

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final PluginMetrics metrics;
    private final Sensor requests;
    private final Sensor throttled;
    private final Sensor failed;
    private final Sensor tooLarge;
    private final Sensor unknownOutcome;
    private final Sensor rowsInserted;
    private final Sensor bytesInserted;
    private final Sensor insertLatency;
    private final Sensor deadLettered;
    private final long instance;

    private SinkTaskMetrics(PluginMetrics metrics) {
        this.metrics = metrics;
        this.instance = INSTANCES.incrementAndGet();
        this.requests = count("requests", "Requests sent to the proxy (every kind, every outcome).");
        this.throttled = count("requests-throttled", "Requests the proxy refused for rate (503 or 429).");
        this.failed = count("requests-failed", "Requests that failed otherwise (5xx, ClickHouse errors, I/O).");
        this.tooLarge = count("requests-too-large", "Requests refused with 413 (body over the proxy's limit).");
        this.unknownOutcome = count("inserts-unknown-outcome",
                "Inserts whose answer was lost after the body was sent: they may have been stored.");
        this.rowsInserted = sensor("rows-inserted");
        this.bytesInserted = sensor("bytes-inserted");
        this.insertLatency = sensor("insert-latency");
        this.deadLettered = count("records-dead-lettered", "Records sent to the dead-letter queue by the sink.");
        if (metrics != null) {
            rowsInserted.add(name("rows-inserted-total", "Rows ClickHouse acknowledged."), new CumulativeSum());
            rowsInserted.add(name("rows-per-insert-last", "Rows in the last accepted insert."), new Value());
            bytesInserted.add(name("bytes-inserted-total", "Request body bytes of accepted inserts."),
                    new CumulativeSum());
            bytesInserted.add(name("bytes-per-insert-last", "Body bytes of the last accepted insert."), new Value());
            insertLatency.add(name("insert-latency-ms-avg", "Average time of an insert request, ms."), new Avg());
            insertLatency.add(name("insert-latency-ms-max", "Longest insert request, ms."), new Max());
        }
    }

    static SinkTaskMetrics register(PluginMetrics metrics) {
        return new SinkTaskMetrics(metrics);
    }

    /** Publishes gauges read when a reporter asks (buffer size, oldest row's age, next window). */
    void gauge(String name, String description, LongSupplier value) {
        if (metrics != null) {
            metrics.addMetric(name(name, description), (Gauge<Long>) (config, now) -> value.getAsLong());
        }
    }

    void requestSent() {
        record(requests, 1);
    }

    void throttled() {
        record(throttled, 1);
    }

    void failed() {
        record(failed, 1);
    }

    void tooLarge() {
        record(tooLarge, 1);
    }

    void unknownOutcome() {
        record(unknownOutcome, 1);
    }

    void deadLettered() {
        record(deadLettered, 1);
    }

    void inserted(int rows, int bytes) {
        record(rowsInserted, rows);
        record(bytesInserted, bytes);
    }

    void insertLatency(long millis) {
        record(insertLatency, millis);
    }

    private Sensor count(String base, String description) {
        Sensor sensor = sensor(base);
        if (sensor != null) {
            sensor.add(name(base + "-total", description), new CumulativeCount());
        }
        return sensor;
    }

    /**
     * Sensor names are global to the worker's metrics registry (only metric names carry the
     * connector and task tags), so each task's sensors get names of their own: shared names would
     * mix the counts of tasks and lose them all when any one task stops.
     */
    private Sensor sensor(String name) {
        return metrics == null ? null : metrics.addSensor("httplog-sink-" + instance + "-" + name);
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }

    private static void record(Sensor sensor, double value) {
        if (sensor != null) {
            sensor.record(value);
        }
    }
}
