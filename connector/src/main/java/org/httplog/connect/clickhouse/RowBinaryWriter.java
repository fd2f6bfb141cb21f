package org.httplog.connect.clickhouse;

import java.util.List;

/**
 * Writes rows in ClickHouse's {@code RowBinary} format: every row's values in column order, with the
 * encodings of {@link NativeBlockWriter} and no header.
 */
final class RowBinaryWriter {

    private RowBinaryWriter() {
    }

    static void write(List<HttpLogRow> rows, ByteSink out) {
        for (HttpLogRow row : rows) {
            writeRow(row, out);
        }
    }

    static void writeRow(HttpLogRow row, ByteSink out) {
        out.writeUInt32(row.timestampSeconds());
        out.writeUInt64(row.resourceId());
        out.writeUInt64(row.bytesSent());
        out.writeUInt64(row.requestTimeMilli());
        out.writeUInt16(row.responseStatus());
        out.writeString(row.cacheStatus());
        out.writeString(row.method());
        out.writeString(row.remoteAddr());
        out.writeString(row.url());
    }
}
