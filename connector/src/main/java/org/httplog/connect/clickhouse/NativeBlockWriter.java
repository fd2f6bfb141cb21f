package org.httplog.connect.clickhouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes rows as one block of ClickHouse's {@code Native} format, as HTTP clients send it (no block
 * info, no per-column serialization kinds): the column and row counts as varints, then for every
 * column its name, its type and all of its values. Integers are little-endian; a DateTime is a
 * UInt32 of epoch seconds; strings are a varint length and UTF-8 bytes.
 *
 * <p>The table's {@code LowCardinality(String)} columns must be sent as such (ClickHouse 18.16
 * refuses plain strings for them): a UInt64 serialization version (1), a UInt64 index type (the
 * index width, 0 = UInt8 ... 3 = UInt64, with bit 9 "has additional keys" and bit 10 "needs a
 * dictionary update"), the UInt64 number of keys and the keys (the empty string first, as
 * ClickHouse writes them), the UInt64 number of rows and one index per row. This is the layout
 * ClickHouse 18.16 itself writes for such a column and what current releases read.
 */
final class NativeBlockWriter {

    private static final long LOW_CARDINALITY_VERSION = 1;
    private static final long HAS_ADDITIONAL_KEYS = 1L << 9;
    private static final long NEEDS_DICTIONARY_UPDATE = 1L << 10;

    private NativeBlockWriter() {
    }

    static void write(List<HttpLogRow> rows, ByteSink out) {
        out.writeVarUInt(HttpLogColumn.values().length);
        out.writeVarUInt(rows.size());
        for (HttpLogColumn column : HttpLogColumn.values()) {
            out.writeString(column.column());
            out.writeString(column.nativeType());
            switch (column) {
                case CACHE_STATUS -> writeLowCardinality(rows, HttpLogRow::cacheStatus, out);
                case METHOD -> writeLowCardinality(rows, HttpLogRow::method, out);
                default -> {
                    for (HttpLogRow row : rows) {
                        writeValue(column, row, out);
                    }
                }
            }
        }
    }

    private static void writeValue(HttpLogColumn column, HttpLogRow row, ByteSink out) {
        switch (column) {
            case TIMESTAMP -> out.writeUInt32(row.timestampSeconds());
            case RESOURCE_ID -> out.writeUInt64(row.resourceId());
            case BYTES_SENT -> out.writeUInt64(row.bytesSent());
            case REQUEST_TIME_MILLI -> out.writeUInt64(row.requestTimeMilli());
            case RESPONSE_STATUS -> out.writeUInt16(row.responseStatus());
            case REMOTE_ADDR -> out.writeString(row.remoteAddr());
            case URL -> out.writeString(row.url());
            default -> throw new IllegalArgumentException("Not a plain column: " + column);
        }
    }

    private static void writeLowCardinality(List<HttpLogRow> rows, Function<HttpLogRow, String> value, ByteSink out) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        keys.put("", 0);
        int[] indexes = new int[rows.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = keys.computeIfAbsent(value.apply(rows.get(i)), key -> keys.size());
        }
        int width = keys.size() <= 1 << 8 ? 0 : keys.size() <= 1 << 16 ? 1 : 2;
        out.writeUInt64(LOW_CARDINALITY_VERSION);
        out.writeUInt64(width | HAS_ADDITIONAL_KEYS | NEEDS_DICTIONARY_UPDATE);
        out.writeUInt64(keys.size());
        for (String key : keys.keySet()) {
            out.writeString(key);
        }
        out.writeUInt64(indexes.length);
        for (int index : indexes) {
            switch (width) {
                case 0 -> out.write(index);
                case 1 -> out.writeUInt16(index);
                default -> out.writeUInt32(index);
            }
        }
    }
}
