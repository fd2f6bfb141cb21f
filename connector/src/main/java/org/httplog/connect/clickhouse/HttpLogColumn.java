package org.httplog.connect.clickhouse;

/**
 * The columns of the ClickHouse table {@code http_log}, in table order, each with the field of the
 * converter's {@code HttpLogRecord} struct it is filled from and how the value is encoded.
 */
enum HttpLogColumn {
    TIMESTAMP("timestamp", "timestampEpochMilli", Kind.DATETIME_FROM_EPOCH_MILLI),
    RESOURCE_ID("resource_id", "resourceId", Kind.UINT64),
    BYTES_SENT("bytes_sent", "bytesSent", Kind.UINT64),
    REQUEST_TIME_MILLI("request_time_milli", "requestTimeMilli", Kind.UINT64),
    RESPONSE_STATUS("response_status", "responseStatus", Kind.UINT16),
    CACHE_STATUS("cache_status", "cacheStatus", Kind.STRING),
    METHOD("method", "method", Kind.STRING),
    REMOTE_ADDR("remote_addr", "remoteAddr", Kind.STRING),
    URL("url", "url", Kind.STRING);

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

    HttpLogColumn(String column, String field, Kind kind) {
        this.column = column;
        this.field = field;
        this.kind = kind;
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
