package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Direct queries to ClickHouse (its own port, not the proxy) for setting up and checking tests. */
final class ClickHouse {

    private ClickHouse() {
    }

    static String query(String sql) {
        Http.Response response = Http.send("POST", Stack.clickHouseUrl() + "/", sql);
        assertEquals(200, response.status(), () -> "ClickHouse refused: " + sql + "\n" + response.body());
        return response.body();
    }

    static long count(String table) {
        return Long.parseLong(query("SELECT count() FROM " + table).trim());
    }

    /** Creates {@code table} with exactly the DDL of schema/clickhouse/http_log.sql. */
    static void createHttpLogTable(String table) {
        String ddl = schemaDdl().replaceFirst("(?i)CREATE TABLE IF NOT EXISTS http_log\\b",
                "CREATE TABLE IF NOT EXISTS " + table);
        query(ddl);
    }

    static void drop(String table) {
        query("DROP TABLE IF EXISTS " + table);
    }

    private static String schemaDdl() {
        try (InputStream in = ClickHouse.class.getResourceAsStream("/clickhouse/http_log.sql")) {
            if (in == null) {
                throw new IllegalStateException("clickhouse/http_log.sql is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
