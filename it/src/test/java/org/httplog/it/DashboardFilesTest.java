package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What can be checked of the Grafana files without Grafana or a stack (DashboardQueriesIT runs the queries). */
class DashboardFilesTest {

    private static final Pattern TABLE = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE IF NOT EXISTS\\s+([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void everyPanelQueriesAProvisionedDataSourceOfItsType() throws IOException {
        Map<String, String> provisioned = provisionedDataSources();
        List<Dashboards.Target> targets = Dashboards.targets();
        assertTrue(targets.size() >= 20, "both dashboards together have at least 20 queries: " + targets.size());
        for (Dashboards.Target target : targets) {
            assertEquals(provisioned.get(target.datasourceUid()), target.datasourceType(),
                    () -> target.label() + " uses data source uid " + target.datasourceUid() + ", provisioned: " + provisioned);
            assertFalse(target.query().isBlank(), () -> target.label() + " has no query");
        }
        for (Dashboards.Variable variable : Dashboards.variables()) {
            assertEquals(provisioned.get(variable.datasourceUid()), variable.datasourceType(), variable::toString);
        }
    }

    @Test
    void everyQueryExpandsWithTheKnownMacrosAndTheDashboardsVariables() {
        Map<String, String> values = new HashMap<>();
        Dashboards.variables().forEach(v -> values.put(v.name(), "1"));
        Instant to = Instant.parse("2026-12-01T12:00:00Z");
        GrafanaMacros.Context context = new GrafanaMacros.Context(to.minus(Duration.ofHours(6)), to,
                Duration.ofMinutes(1), Duration.ofSeconds(5), values);
        for (Dashboards.Target target : Dashboards.targets()) {
            String expanded = Dashboards.CLICKHOUSE.equals(target.datasourceType())
                    ? GrafanaMacros.clickHouse(target.query(), context) : GrafanaMacros.prometheus(target.query(), context);
            assertFalse(expanded.contains("$"), () -> target.label() + " still holds a macro: " + expanded);
        }
    }

    @Test
    void clickHousePanelsReadOnlyTablesOfTheSchema() throws IOException {
        Set<String> tables = new HashSet<>();
        try (Stream<Path> files = Files.list(Dashboards.repo().resolve("schema/clickhouse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        List<String> queries = new ArrayList<>();
        Dashboards.targets().stream().filter(t -> Dashboards.CLICKHOUSE.equals(t.datasourceType()))
                .forEach(t -> queries.add(t.query()));
        Dashboards.variables().stream().filter(v -> Dashboards.CLICKHOUSE.equals(v.datasourceType()))
                .forEach(v -> queries.add(v.query()));
        for (String query : queries) {
            Matcher m = TABLE.matcher(query);
            assertTrue(m.find(), () -> "no FROM in " + query);
            do {
                String table = m.group(1);
                assertTrue(tables.contains(table), () -> table + " is not created by schema/clickhouse/*.sql: " + query);
            } while (m.find());
        }
    }

    @Test
    void panelIdsAndDashboardUidsAreUnique() {
        Set<String> uids = new HashSet<>();
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            assertTrue(uids.add(dashboard.path("uid").asText()), () -> "duplicate uid in " + file);
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                assertTrue(ids.add(panel.path("id").asInt()), () -> "duplicate panel id in " + file + ": " + panel);
            }
        }
        assertEquals(2, uids.size(), "traffic and pipeline dashboards");
    }

    @Test
    void macrosExpandAsTheClickHousePluginDocumentsThem() {
        Instant from = Instant.ofEpochSecond(1_700_000_000L);
        GrafanaMacros.Context context = new GrafanaMacros.Context(from, from.plusSeconds(3600), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Map.of("resource", "42", "network", "1.2.3.X"));
        assertEquals("SELECT 60 WHERE t >= toDateTime(1700000000) AND t <= toDateTime(1700003600) AND r = 42 AND a = '1.2.3.X'"
                        + " AND toDateTime(1700000000) < toDateTime(1700003600)",
                GrafanaMacros.clickHouse("SELECT $__interval_s WHERE $__timeFilter(t) AND r = $resource AND a = '${network}'"
                        + " AND $__fromTime < $__toTime", context));
        assertEquals("rate(x{c=\"42\"}[65s]) + y[60s] + z[3600s]",
                GrafanaMacros.prometheus("rate(x{c=\"$resource\"}[$__rate_interval]) + y[$__interval] + z[$__range]", context));
        assertThrows(IllegalArgumentException.class, () -> GrafanaMacros.clickHouse("$__timeInterval(t)", context));
        assertThrows(IllegalArgumentException.class, () -> GrafanaMacros.prometheus("x{c=\"$unknown\"}", context));
    }

    @Test
    void intervalGrowsWithTheRangeAndRespectsThePanelMinimum() {
        Instant to = Instant.ofEpochSecond(1_700_000_000L);
        assertEquals(Duration.ofSeconds(60), GrafanaMacros.interval(to.minus(Duration.ofHours(6)), to, Duration.ofMinutes(1),
                Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(2592), GrafanaMacros.interval(to.minus(Duration.ofDays(30)), to, Duration.ofMinutes(1),
                Duration.ofSeconds(5)));
    }

    /** uid -> type of grafana/provisioning/datasources/*.yml */
    static Map<String, String> provisionedDataSources() throws IOException {
        Map<String, String> result = new HashMap<>();
        try (Stream<Path> files = Files.list(Dashboards.repo().resolve("grafana/provisioning/datasources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Map<String, Object> root = new Yaml().load(Files.readString(file));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> sources = (List<Map<String, Object>>) root.get("datasources");
                sources.forEach(s -> result.put(String.valueOf(s.get("uid")), String.valueOf(s.get("type"))));
            }
        }
        return result;
    }
}
