package org.httplog.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads a table's rows back from ClickHouse as {@link TestTraffic.Row}s. */
final class Rows {

    private Rows() {
    }

    static List<TestTraffic.Row> read(String table) {
        return ClickHouse.query(String.format(TestTraffic.SELECT, table)).lines()
                .filter(line -> !line.isBlank())
                .map(Rows::parse)
                .toList();
    }

    private static TestTraffic.Row parse(String line) {
        try {
            JsonNode row = Connect.JSON.readTree(line);
            return new TestTraffic.Row(
                    row.get("timestamp").asLong(),
                    row.get("resource_id").asText(),
                    row.get("bytes_sent").asLong(),
                    row.get("request_time_milli").asLong(),
                    row.get("response_status").asInt(),
                    row.get("cache_status").asText(),
                    row.get("method").asText(),
                    row.get("remote_addr").asText(),
                    row.get("url").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
