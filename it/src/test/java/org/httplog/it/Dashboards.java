package org.httplog.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the Grafana dashboards of {@code grafana/dashboards/}: every panel's queries and every template variable. */
final class Dashboards {

    static final String CLICKHOUSE = "grafana-clickhouse-datasource";
    static final String PROMETHEUS = "prometheus";

    /** One query of one panel: SQL for ClickHouse, PromQL for Prometheus, macros not yet expanded. */
    record Target(String dashboard, String panel, String refId, String datasourceType, String datasourceUid,
                  String query, Duration minInterval) {

        String label() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    /** A template variable whose values come from a query. */
    record Variable(String dashboard, String name, String datasourceType, String datasourceUid, String query) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {
    }

    static Path repo() {
        return Path.of(System.getProperty("user.dir")).getParent();
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(repo().resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            String title = dashboard.path("title").asText(file.getFileName().toString());
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    JsonNode datasource = target.has("datasource") ? target.get("datasource") : panel.path("datasource");
                    String type = datasource.path("type").asText();
                    String query = CLICKHOUSE.equals(type) ? target.path("rawSql").asText()
                            : target.path("expr").asText();
                    targets.add(new Target(title, panel.path("title").asText(), target.path("refId").asText(), type,
                            datasource.path("uid").asText(), query, parseInterval(panel.path("interval").asText(""))));
                }
            }
        }
        return targets;
    }

    static List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (!"query".equals(variable.path("type").asText())) {
                    continue;
                }
                JsonNode query = variable.path("query");
                variables.add(new Variable(dashboard.path("title").asText(), variable.path("name").asText(),
                        variable.path("datasource").path("type").asText(),
                        variable.path("datasource").path("uid").asText(),
                        query.isTextual() ? query.asText() : query.path("query").asText()));
            }
        }
        return variables;
    }

    /** Every panel, including those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels.stream().filter(p -> !"row".equals(p.path("type").asText())).toList();
    }

    /** Grafana's interval notation: {@code 30s}, {@code 1m}, {@code 1h}; empty means none. */
    static Duration parseInterval(String text) {
        if (text.isBlank()) {
            return Duration.ZERO;
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Unknown interval " + text);
        };
    }
}
