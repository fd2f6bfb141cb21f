package org.httplog.connect.clickhouse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes rows in ClickHouse's {@code JSONEachRow} format: one object per line, keys in column order,
 * the timestamp as epoch seconds and UInt64 values unquoted (ClickHouse 18.16 reads both).
 */
final class JsonEachRowWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonEachRowWriter() {
    }

    static void write(List<HttpLogRow> rows, ByteSink out) {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            for (HttpLogRow row : rows) {
                json.writeStartObject();
                json.writeNumberField(HttpLogColumn.TIMESTAMP.column(), row.timestampSeconds());
                unsigned(json, HttpLogColumn.RESOURCE_ID, row.resourceId());
                unsigned(json, HttpLogColumn.BYTES_SENT, row.bytesSent());
                unsigned(json, HttpLogColumn.REQUEST_TIME_MILLI, row.requestTimeMilli());
                json.writeNumberField(HttpLogColumn.RESPONSE_STATUS.column(), row.responseStatus());
                json.writeStringField(HttpLogColumn.CACHE_STATUS.column(), row.cacheStatus());
                json.writeStringField(HttpLogColumn.METHOD.column(), row.method());
                json.writeStringField(HttpLogColumn.REMOTE_ADDR.column(), row.remoteAddr());
                json.writeStringField(HttpLogColumn.URL.column(), row.url());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode rows in memory", e);
        }
    }

    private static void unsigned(JsonGenerator json, HttpLogColumn column, long value) throws IOException {
        json.writeFieldName(column.column());
        json.writeNumber(Long.toUnsignedString(value));
    }
}
