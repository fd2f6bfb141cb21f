package org.httplog.connect.clickhouse;

import java.util.List;

/**
 * The ClickHouse input format of request bodies. Every format writes a block of rows so that blocks
 * concatenate: the body of a request is its blocks one after the other, in any of these formats.
 * All three are understood by ClickHouse 18.16 and by current releases.
 */
enum InsertFormat {
    /** Column by column, binary: the densest once compressed (values of a column sit together). */
    NATIVE("Native", false) {
        @Override
        void write(List<HttpLogRow> rows, ByteSink out) {
            NativeBlockWriter.write(rows, out);
        }
    },
    /** Row by row, binary. */
    ROW_BINARY("RowBinary", false) {
        @Override
        void write(List<HttpLogRow> rows, ByteSink out) {
            RowBinaryWriter.write(rows, out);
        }
    },
    /**
     * One JSON object per line: readable, the largest, and the only one where ClickHouse names the
     * row it refuses (so that row alone can go to the dead-letter queue).
     */
    JSON_EACH_ROW("JSONEachRow", true) {
        @Override
        void write(List<HttpLogRow> rows, ByteSink out) {
            JsonEachRowWriter.write(rows, out);
        }
    };

    private final String clickHouseName;
    private final boolean namesRejectedRows;

    InsertFormat(String clickHouseName, boolean namesRejectedRows) {
        this.clickHouseName = clickHouseName;
        this.namesRejectedRows = namesRejectedRows;
    }

    /** Appends the rows, in list order, as one block. */
    abstract void write(List<HttpLogRow> rows, ByteSink out);

    /** The name after {@code FORMAT} in the INSERT statement. */
    String clickHouseName() {
        return clickHouseName;
    }

    /** Whether ClickHouse's data errors for this format say which row (1-based) it could not take. */
    boolean namesRejectedRows() {
        return namesRejectedRows;
    }
}
