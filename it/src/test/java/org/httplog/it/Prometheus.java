package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queries the stack's Prometheus ({@code it.prometheus.url}) through its HTTP API, as Grafana does. */
final class Prometheus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");

    private Prometheus() {
    }

    static String url() {
        String value = System.getProperty("it.prometheus.url");
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property it.prometheus.url is not set: run the integration tests "
                    + "with bin/test, which starts the stack and passes its addresses");
        }
        return value;
    }

    /** The {@code data.result} array of a range query; fails on an error answer. */
    static JsonNode queryRange(String expr, Instant from, Instant to, Duration step) {
        return data("/api/v1/query_range?query=" + encode(expr) + "&start=" + from.getEpochSecond() + "&end="
                + to.getEpochSecond() + "&step=" + step.toSeconds(), expr).path("result");
    }

    /** The {@code data.result} array of an instant query. */
    static JsonNode query(String expr) {
        return data("/api/v1/query?query=" + encode(expr), expr).path("result");
    }

    /** The values of a Grafana {@code label_values(selector, label)} variable query. */
    static List<String> labelValues(String variableQuery, Instant from, Instant to) {
        Matcher m = LABEL_VALUES.matcher(variableQuery.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a label_values(selector, label) query: " + variableQuery);
        }
        JsonNode data = data("/api/v1/label/" + m.group(2) + "/values?match[]=" + encode(m.group(1)) + "&start="
                + from.getEpochSecond() + "&end=" + to.getEpochSecond(), variableQuery);
        List<String> values = new ArrayList<>();
        data.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode data(String path, String what) {
        Http.Response response = Http.get(url() + path);
        assertEquals(200, response.status(), () -> "Prometheus refused " + what + ": " + response.body());
        try {
            JsonNode body = JSON.readTree(response.body());
            assertEquals("success", body.path("status").asText(), () -> what + ": " + response.body());
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
