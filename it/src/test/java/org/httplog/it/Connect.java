package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The Connect worker's REST API. */
final class Connect {

    static final ObjectMapper JSON = new ObjectMapper();

    private Connect() {
    }

    static JsonNode get(String path) {
        Http.Response response = Http.get(Stack.connectUrl() + path);
        assertTrue(response.status() == 200, () -> "GET " + path + " -> " + response.status() + " " + response.body());
        return parse(response.body());
    }

    /**
     * The connector config users POST, read from {@code connect-config/}, with the given keys
     * replaced (topic, table, proxy address of the test stack).
     */
    static ObjectNode shippedConfig(String name, Map<String, String> overrides) {
        Path file = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("connect-config/http-log-clickhouse-sink.json");
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(file));
            root.put("name", name);
            ObjectNode config = (ObjectNode) root.get("config");
            overrides.forEach(config::put);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void create(ObjectNode connector) {
        Http.Response response = Http.send("POST", Stack.connectUrl() + "/connectors", connector.toString());
        assertTrue(response.status() == 201, () -> "POST /connectors -> " + response.status() + " " + response.body());
    }

    static void delete(String name) {
        Http.send("DELETE", Stack.connectUrl() + "/connectors/" + name, null);
    }

    /** The connector's status, or null while the worker does not know it yet. */
    static JsonNode status(String name) {
        Http.Response response = Http.get(Stack.connectUrl() + "/connectors/" + name + "/status");
        return response.status() == 200 ? parse(response.body()) : null;
    }

    /** Fails with the task's stack trace if the connector or one of its tasks has failed. */
    static void assertNotFailed(String name) {
        JsonNode status = status(name);
        if (status == null) {
            return;
        }
        assertFalse("FAILED".equals(status.path("connector").path("state").asText()), status::toString);
        for (JsonNode task : status.path("tasks")) {
            assertFalse("FAILED".equals(task.path("state").asText()), () -> "task failed: " + task.path("trace"));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
