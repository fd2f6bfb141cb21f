package org.httplog.connect.clickhouse;

/**
 * The columns of the ClickHouse table {@code http_log}, in table order, each with the field of the
 * converter's {@code HttpLogRecord} struct it is filled from and how the value is encoded.
 */
enum HttpLogColumn {
    TIMESTAMP("timestamp", "timestampEpochMilli", Kind.DATETIME_FROM_EPOCH_MILLI, "DateTime"),
    RESOURCE_ID("resource_id", "resourceId", Kind.UINT64, "UInt64"),
    BYTES_SENT("bytes_sent", "bytesSent", Kind.UINT64, "UInt64"),
    REQUEST_TIME_MILLI("request_time_milli", "requestTimeMilli", Kind.UINT64, "UInt64"),
    RESPONSE_STATUS("response_status", "responseStatus", Kind.UINT16, "UInt16"),
    CACHE_STATUS("cache_status", "cacheStatus", Kind.STRING, "LowCardinality(String)"),
    METHOD("method", "method", Kind.STRING, "LowCardinality(String)"),
    REMOTE_ADDR("remote_addr", "remoteAddr", Kind.STRING, "String"),
    URL("url", "url", Kind.STRING, "String");

    /** How a Connect value becomes a ClickHouse value. */
    enum Kind {
        /** Unsigned milliseconds since the epoch, stored as whole seconds in a {@code DateTime}. */
        DATETIME_FROM_EPOCH_MILLI,
        /** A Connect INT64 whose 64 bits are read as unsigned. */
        UINT64,
        /** A Connect INT32 (or smaller) in 0..65535. */
        UINT16,
        /** UTF-8 text. */
        STRING
    }

    private final String column;
    private final String field;
    private final Kind kind;
    private final String nativeType;

    HttpLogColumn(String column, String field, Kind kind, String nativeType) {
        this.column = column;
        this.field = field;
        this.kind = kind;
        this.nativeType = nativeType;
    }

    /** The comma-separated column list for the INSERT statement, in table order. */
    static String columnList() {
        return java.util.Arrays.stream(values()).map(HttpLogColumn::column)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The type this column's values are sent as in the Native format. */
    String nativeType() {
        return nativeType;
    }

    String column() {
        return column;
    }

    String field() {
        return field;
    }

    Kind kind() {
        return kind;
    }
}
