package org.httplog.connect.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Rebuilds the record of a row that ClickHouse refused, for the dead-letter queue.
 *
 * <p>The buffer keeps encoded rows, not records, so the record is rebuilt from the row's values (or
 * its JSON line, for a row ClickHouse refused): a struct
 * with the converter's field names and types (the masked address, as stored; the timestamp in whole
 * seconds, as ClickHouse received it) at the original topic, partition and offset. The worker
 * serializes it with the connector's value converter, so the dead-letter topic never holds an
 * unmasked address for such a row.
 */
final class RejectedRows {

    static final Schema SCHEMA = buildSchema();

    private static final JsonFactory JSON = new JsonFactory();
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private RejectedRows() {
    }

    /** The record of a row taken out of the buffer, from its values or else from its JSON line. */
    static SinkRecord toRecord(RecordBuffer.RemovedRow row) {
        Struct struct = row.row() != null ? fromRow(row.row()) : fromJsonLine(row.jsonLine());
        return new SinkRecord(row.partition().topic(), row.partition().partition(), null, null, SCHEMA, struct,
                row.offset());
    }

    private static Struct fromRow(HttpLogRow row) {
        return new Struct(SCHEMA)
                .put(HttpLogColumn.TIMESTAMP.field(), row.timestampSeconds() * 1000)
                .put(HttpLogColumn.RESOURCE_ID.field(), row.resourceId())
                .put(HttpLogColumn.BYTES_SENT.field(), row.bytesSent())
                .put(HttpLogColumn.REQUEST_TIME_MILLI.field(), row.requestTimeMilli())
                .put(HttpLogColumn.RESPONSE_STATUS.field(), row.responseStatus())
                .put(HttpLogColumn.CACHE_STATUS.field(), row.cacheStatus())
                .put(HttpLogColumn.METHOD.field(), row.method())
                .put(HttpLogColumn.REMOTE_ADDR.field(), row.remoteAddr())
                .put(HttpLogColumn.URL.field(), row.url());
    }

    private static Struct fromJsonLine(byte[] line) {
        Struct struct = new Struct(SCHEMA);
        try (JsonParser parser = JSON.createParser(line)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                HttpLogColumn column = column(parser.currentName());
                parser.nextToken();
                struct.put(column.field(), value(column, parser));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back an encoded row", e);
        }
        return struct;
    }

    private static Object value(HttpLogColumn column, JsonParser parser) throws IOException {
        return switch (column.kind()) {
            case DATETIME_FROM_EPOCH_MILLI -> parser.getLongValue() * 1000;
            case UINT64 -> {
                BigInteger value = parser.getBigIntegerValue();
                yield (value.bitLength() > 63 ? value.subtract(TWO_TO_64) : value).longValue();
            }
            case UINT16 -> parser.getIntValue();
            case STRING -> parser.getText();
        };
    }

    private static HttpLogColumn column(String name) {
        for (HttpLogColumn column : HttpLogColumn.values()) {
            if (column.column().equals(name)) {
                return column;
            }
        }
        throw new IllegalStateException("Encoded row has an unknown column " + name);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("Encoded row is not a JSON object");
        }
    }

    private static Schema buildSchema() {
        SchemaBuilder builder = SchemaBuilder.struct().name("org.httplog.HttpLogRecord").version(1);
        for (HttpLogColumn column : HttpLogColumn.values()) {
            builder.field(column.field(), switch (column.kind()) {
                case DATETIME_FROM_EPOCH_MILLI, UINT64 -> Schema.INT64_SCHEMA;
                case UINT16 -> Schema.INT32_SCHEMA;
                case STRING -> Schema.STRING_SCHEMA;
            });
        }
        return builder.build();
    }
}
