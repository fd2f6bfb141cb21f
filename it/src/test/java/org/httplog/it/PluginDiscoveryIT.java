package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The worker runs with plugin.discovery=service_load and only our jar in plugin.path. */
class PluginDiscoveryIT {

    @Test
    void theSingleJarInPluginPathProvidesTheSinkTheConverterAndTheTransform() throws IOException {
        try (Stream<Path> files = Files.list(Stack.pluginDir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), "plugin.path holds " + names);
            assertTrue(names.get(0).matches("httplog-clickhouse-plugin-.*\\.jar"), names.get(0));
        }

        JsonNode plugins = Connect.get("/connector-plugins?connectorsOnly=false");
        Map<String, JsonNode> byClass = new HashMap<>();
        plugins.forEach(plugin -> byClass.put(plugin.get("class").asText(), plugin));

        Map<String, String> expectedTypes = Map.of(
                "org.httplog.connect.clickhouse.ClickHouseSinkConnector", "sink",
                "org.httplog.connect.converter.CapnProtoConverter", "converter",
                "org.httplog.connect.transforms.IpMask$Value", "transformation",
                "org.httplog.connect.transforms.IpMask$Key", "transformation");
        expectedTypes.forEach((className, type) -> {
            JsonNode plugin = byClass.get(className);
            assertTrue(plugin != null, className + " is not listed: " + plugins);
            assertEquals(type, plugin.get("type").asText(), className);
            assertEquals(Stack.projectVersion(), plugin.get("version").asText(), className);
        });
    }

    @Test
    void theWorkerReportsABadConfigKeyByKey() throws IOException {
        JsonNode config = Connect.shippedConfig("bad", Map.of("name", "bad",
                "clickhouse.url", "ftp://proxy",
                "insert.retry.backoff.ms", "abc",
                "buffer.max.bytes", "10")).get("config");
        Http.Response response = Http.send("PUT", Stack.connectUrl()
                + "/connector-plugins/ClickHouseSinkConnector/config/validate", config.toString());
        assertEquals(200, response.status(), response.body());
        Map<String, String> errors = new HashMap<>();
        Connect.JSON.readTree(response.body()).path("configs").forEach(c -> c.path("value").path("errors")
                .forEach(e -> errors.put(c.path("value").path("name").asText(), e.asText())));
        assertEquals(java.util.Set.of("clickhouse.url", "insert.retry.backoff.ms", "buffer.max.bytes"), errors.keySet(),
                errors.toString());
        assertTrue(errors.get("clickhouse.url").contains("http:// or https://"), errors.toString());
    }

    @Test
    void theWorkerValidatesTheShippedConfig() throws IOException {
        JsonNode config = Connect.shippedConfig("validate", Map.of("name", "validate")).get("config");
        Http.Response response = Http.send("PUT", Stack.connectUrl()
                + "/connector-plugins/ClickHouseSinkConnector/config/validate", config.toString());
        assertEquals(200, response.status(), response.body());
        JsonNode result = Connect.JSON.readTree(response.body());
        List<String> errors = new java.util.ArrayList<>();
        result.path("configs").forEach(c -> c.path("value").path("errors")
                .forEach(e -> errors.add(c.path("value").path("name").asText() + ": " + e.asText())));
        assertEquals(List.of(), errors);
        assertEquals(0, result.path("error_count").asInt());
    }
}
