package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

/** Two tasks' metrics in one worker registry, as Connect has them (PluginMetricsImpl over the worker's Metrics). */
class SinkTaskMetricsTest {

    private static double value(Metrics registry, String connector, String name) {
        for (Map.Entry<MetricName, KafkaMetric> entry : registry.metrics().entrySet()) {
            if (entry.getKey().name().equals(name) && connector.equals(entry.getKey().tags().get("connector"))) {
                return ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return Double.NaN;
    }

    @Test
    void tasksCountApartAndStoppingOneKeepsTheOthersCounters() throws Exception {
        try (Metrics registry = new Metrics()) {
            PluginMetricsImpl first = new PluginMetricsImpl(registry, Map.of("connector", "a", "task", "0"));
            PluginMetricsImpl second = new PluginMetricsImpl(registry, Map.of("connector", "b", "task", "0"));
            SinkTaskMetrics a = SinkTaskMetrics.register(first);
            SinkTaskMetrics b = SinkTaskMetrics.register(second);
            a.inserted(10, 100);
            b.inserted(1, 5);
            a.requestSent();
            assertEquals(10, value(registry, "a", "rows-inserted-total"));
            assertEquals(1, value(registry, "b", "rows-inserted-total"));
            assertEquals(0, value(registry, "b", "requests-total"));

            first.close();
            b.inserted(2, 5);
            assertEquals(3, value(registry, "b", "rows-inserted-total"));
            assertEquals(Double.NaN, value(registry, "a", "rows-inserted-total"));
        }
    }
}
