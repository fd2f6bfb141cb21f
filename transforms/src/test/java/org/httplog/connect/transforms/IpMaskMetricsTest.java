package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.internals.Plugin;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/** The counters, registered as the worker does it (KIP-877: Plugin.wrapInstance calls withPluginMetrics). */
class IpMaskMetricsTest {

    private static double value(Metrics metrics, String name) {
        return metrics.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .map(entry -> (Double) entry.getValue().metricValue())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Test
    void countsMaskedAndRedactedAddressesPerTransformation() throws Exception {
        try (Metrics metrics = new Metrics()) {
            Transformation<SinkRecord> mask = IpMaskTest.valueMask(Map.of());
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("connector", "c");
            tags.put("task", "0");
            tags.put("transformation", "anonymise");
            Plugin<Transformation<SinkRecord>> plugin = Plugin.wrapInstance(mask, metrics, () -> tags);

            for (String address : new String[] {"1.2.3.4", "localhost", "1.2.3.4, 2001:db8::1, x", ""}) {
                plugin.get().apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog(address)));
            }

            assertEquals(3.0, value(metrics, IpMask.MASKED_METRIC));
            assertEquals(3.0, value(metrics, IpMask.REDACTED_METRIC));
            assertEquals(0.0, value(metrics, IpMask.PSEUDONYMISED_METRIC));
            MetricName name = metrics.metrics().keySet().stream()
                    .filter(metric -> metric.name().equals(IpMask.MASKED_METRIC)).findFirst().orElseThrow();
            assertEquals("plugins", name.group());
            assertEquals(tags, name.tags());
            assertTrue(name.description().contains("masked"));

            plugin.close();
            assertTrue(metrics.metrics().keySet().stream().noneMatch(m -> m.name().startsWith("addresses-")),
                    "closing the plugin removes its metrics");
        }
    }

    @Test
    void countsPseudonymisedAddresses() throws Exception {
        try (Metrics metrics = new Metrics()) {
            Transformation<SinkRecord> mask = IpMaskTest.valueMask(Map.of(IpMask.MODE_CONFIG, "HMAC",
                    IpMask.HMAC_KEY_CONFIG, "0123456789abcdef0123456789abcdef"));
            Plugin<Transformation<SinkRecord>> plugin = Plugin.wrapInstance(mask, metrics,
                    () -> Map.of("transformation", "t"));
            plugin.get().apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4, ::1")));
            assertEquals(2.0, value(metrics, IpMask.PSEUDONYMISED_METRIC));
            assertEquals(0.0, value(metrics, IpMask.MASKED_METRIC));
            plugin.close();
        }
    }

    @Test
    void transformationsOfTwoConnectorsCountApartAndOneClosingKeepsTheOther() throws Exception {
        try (Metrics metrics = new Metrics()) {
            Plugin<Transformation<SinkRecord>> a = Plugin.wrapInstance(IpMaskTest.valueMask(Map.of()), metrics,
                    () -> Map.of("connector", "a", "task", "0", "transformation", "anonymise"));
            Plugin<Transformation<SinkRecord>> b = Plugin.wrapInstance(IpMaskTest.valueMask(Map.of()), metrics,
                    () -> Map.of("connector", "b", "task", "0", "transformation", "anonymise"));
            a.get().apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4")));
            b.get().apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4, 5.6.7.8")));
            a.close();
            b.get().apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4")));
            assertEquals(3.0, value(metrics, IpMask.MASKED_METRIC));
            assertEquals(1, metrics.metrics().keySet().stream()
                    .filter(m -> m.name().equals(IpMask.MASKED_METRIC)).count());
            b.close();
        }
    }

    @Test
    void worksWithoutMetrics() {
        IpMask<SinkRecord> mask = IpMaskTest.valueMask(Map.of());
        mask.apply(IpMaskTest.record(IpMaskTest.SCHEMA, IpMaskTest.httpLog("1.2.3.4")));
        assertEquals(1, mask.counters().maskedTotal());
    }
}
