package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Grafana is not available here, so this test does what Grafana would: it runs every panel query
 * and every template variable query of {@code grafana/dashboards/*.json}, macros expanded, against
 * the stack's real ClickHouse and Prometheus, and fails on an error or an empty result.
 *
 * <p>Its own data first: a connector of its own (the shipped config, through the 6/minute proxy)
 * stores records with current timestamps in the schema's table {@code http_log}, whose
 * materialized views fill the totals the traffic dashboard reads, and Prometheus scrapes that
 * connector's metrics, which the pipeline dashboard reads with {@code $connector} set to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

    private static final int RECORDS = 600;
    /** The stack's scrape interval (prometheus/prometheus.yml). */
    private static final Duration SCRAPE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = "dashboards_" + System.currentTimeMillis();
    private final Map<String, String> variables = new HashMap<>();
    private Instant from;
    private Instant to;

    @BeforeAll
    void storeDataAndWaitForMetrics() {
        Records.createTopic(id, 2);
        Records.produce(id, DashboardTraffic.records(id, RECORDS, System.currentTimeMillis()));
        Connect.create(Connect.shippedConfig(id, Map.of(
                "topics", id,
                "clickhouse.url", Stack.sinkFastProxyUrl(),
                "insert.interval.ms", "10000",
                "insert.retry.backoff.ms", "2000",
                "errors.deadletterqueue.topic.name", id + "_dlq")));
        String ours = "SELECT count() FROM http_log WHERE url LIKE 'https://cdn.example.com/" + id + "/%'";
        Await.until(Duration.ofMinutes(3), () -> {
            Connect.assertNotFailed(id);
            return Long.parseLong(ClickHouse.query(ours).trim()) >= RECORDS;
        }, () -> RECORDS + " rows of " + id + " in http_log");
        // a counter that moved, seen in enough scrapes for rate() and increase() over a minute
        String scraped = "count_over_time(httplog_sink_rows_inserted_total{connector=\"" + id + "\"}[2m]) >= 6"
                + " and httplog_sink_rows_inserted_total{connector=\"" + id + "\"} > 0";
        Await.until(Duration.ofMinutes(2), () -> !Prometheus.query(scraped).isEmpty(),
                () -> "Prometheus has scraped " + id + "'s inserts several times");
        to = Instant.now().plusSeconds(60);
        from = to.minus(Duration.ofHours(6));
        variables.put("connector", id);
        variables.put("topic", id);
    }

    @AfterAll
    void deleteConnector() {
        Connect.delete(id);
    }

    @TestFactory
    List<DynamicTest> everyVariableQueryReturnsValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboards.Variable variable : Dashboards.variables()) {
            tests.add(dynamicTest(variable.dashboard() + " / $" + variable.name(), () -> {
                List<String> values = variableValues(variable);
                assertFalse(values.isEmpty(), () -> "no values for $" + variable.name() + ": " + variable.query());
                if (Dashboards.PROMETHEUS.equals(variable.datasourceType())) {
                    // the pipeline dashboard is pointed at this test's connector and topic, which must be offered
                    assertTrue(values.contains(variables.get(variable.name())),
                            () -> "$" + variable.name() + " does not offer " + variables.get(variable.name()) + ": " + values);
                } else {
                    variables.putIfAbsent(variable.name(), values.get(0));
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyPanelQueryReturnsData() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboards.Target target : Dashboards.targets()) {
            tests.add(dynamicTest(target.label(), () -> {
                ensureClickHouseVariables();
                GrafanaMacros.Context context = new GrafanaMacros.Context(from, to,
                        GrafanaMacros.interval(from, to, target.minInterval(), SCRAPE), SCRAPE, variables);
                if (Dashboards.CLICKHOUSE.equals(target.datasourceType())) {
                    String sql = GrafanaMacros.clickHouse(target.query(), context);
                    JsonNode result = json(ClickHouse.query(sql + "\nFORMAT JSON"));
                    assertTrue(result.path("rows").asLong() > 0, () -> "no rows: " + sql);
                } else {
                    String expr = GrafanaMacros.prometheus(target.query(), context);
                    Instant now = Instant.now();
                    JsonNode result = Prometheus.queryRange(expr, now.minus(Duration.ofMinutes(10)), now,
                            Duration.ofSeconds(15));
                    assertFalse(result.isEmpty(), () -> "no series: " + expr);
                }
            }));
        }
        return tests;
    }

    private List<String> variableValues(Dashboards.Variable variable) {
        if (Dashboards.PROMETHEUS.equals(variable.datasourceType())) {
            Map<String, String> known = new HashMap<>(variables);
            GrafanaMacros.Context context = new GrafanaMacros.Context(from, to, SCRAPE, SCRAPE, known);
            return Prometheus.labelValues(GrafanaMacros.prometheus(variable.query(), context), from, to);
        }
        GrafanaMacros.Context context = new GrafanaMacros.Context(from, to, SCRAPE, SCRAPE, Map.of());
        String sql = GrafanaMacros.clickHouse(variable.query(), context);
        return ClickHouse.query(sql + "\nFORMAT TSV").lines().filter(line -> !line.isBlank()).toList();
    }

    /** Panel tests may run before the variable tests: resolve the ClickHouse variables on first use. */
    private void ensureClickHouseVariables() {
        for (Dashboards.Variable variable : Dashboards.variables()) {
            if (!variables.containsKey(variable.name())) {
                List<String> values = variableValues(variable);
                assertFalse(values.isEmpty(), () -> "no values for $" + variable.name());
                variables.put(variable.name(), values.get(0));
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
