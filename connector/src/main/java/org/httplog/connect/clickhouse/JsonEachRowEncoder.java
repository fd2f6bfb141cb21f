package org.httplog.connect.clickhouse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Encodes one {@code HttpLogRecord} struct as one line of ClickHouse's {@code JSONEachRow} format,
 * validating every value against its column first.
 *
 * <p>ClickHouse 18.16 stores out-of-range values without complaint (a UInt16 70000 becomes 4464,
 * epoch milliseconds in a DateTime wrap to 2073), so the range checks here are what keeps bad data
 * out: a value that does not fit is a {@link DataException} naming the field, never the value.
 * Not thread-safe; one instance per task.
 */
final class JsonEachRowEncoder {

    static final String FORMAT = "JSONEachRow";
    private static final long MAX_DATETIME_SECONDS = 0xFFFF_FFFFL;
    private static final int UINT16_MAX = 0xFFFF;

    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** The comma-separated column list for the INSERT statement, in the order rows are written. */
    static String columnList() {
        return Arrays.stream(HttpLogColumn.values()).map(HttpLogColumn::column).collect(Collectors.joining(", "));
    }

    /** The row as UTF-8 bytes, newline-terminated. */
    byte[] encode(Object value) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Expected a Struct value (HttpLogRecord), got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        out.reset();
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (HttpLogColumn column : HttpLogColumn.values()) {
                json.writeFieldName(column.column());
                writeValue(json, column, struct.get(column.field()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a row in memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, HttpLogColumn column, Object value) throws IOException {
        switch (column.kind()) {
            case DATETIME_FROM_EPOCH_MILLI -> json.writeNumber(epochSeconds(column, value));
            case UINT64 -> json.writeNumber(Long.toUnsignedString(requireLong(column, value)));
            case UINT16 -> json.writeNumber(uint16(column, value));
            case STRING -> json.writeString(value == null ? "" : requireString(column, value));
        }
    }

    private static long epochSeconds(HttpLogColumn column, Object value) {
        long millis = requireLong(column, value);
        long seconds = Long.divideUnsigned(millis, 1000);
        if (Long.compareUnsigned(seconds, MAX_DATETIME_SECONDS) > 0) {
            throw new DataException("Field " + column.field() + " is beyond the range of ClickHouse DateTime "
                    + "(1970-01-01 to 2106-02-07)");
        }
        return seconds;
    }

    private static int uint16(HttpLogColumn column, Object value) {
        if (!(value instanceof Number number) || value instanceof Long || value instanceof Float
                || value instanceof Double) {
            throw typeError(column, value, "an INT32");
        }
        int status = number.intValue();
        if (status < 0 || status > UINT16_MAX) {
            throw new DataException("Field " + column.field() + " is outside the UInt16 range 0..65535");
        }
        return status;
    }

    private static long requireLong(HttpLogColumn column, Object value) {
        if (!(value instanceof Long number)) {
            throw typeError(column, value, "an INT64");
        }
        return number;
    }

    private static String requireString(HttpLogColumn column, Object value) {
        if (!(value instanceof String text)) {
            throw typeError(column, value, "a STRING");
        }
        return text;
    }

    private static DataException typeError(HttpLogColumn column, Object value, String expected) {
        return new DataException("Field " + column.field() + " must be " + expected + ", got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
