package org.httplog.connect.clickhouse;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * One row of {@code http_log}, its values checked against their columns: what every insert format
 * writes.
 *
 * <p>ClickHouse 18.16 stores out-of-range values without complaint (a UInt16 70000 becomes 4464,
 * epoch milliseconds in a DateTime wrap to 2073), so the checks in {@link #of} are what keeps bad
 * data out: a value that does not fit is a {@link DataException} naming the field, never the value.
 *
 * @param timestampSeconds unsigned seconds since the epoch, at most 2^32-1 (DateTime)
 * @param resourceId unsigned 64 bits
 * @param bytesSent unsigned 64 bits
 * @param requestTimeMilli unsigned 64 bits
 * @param responseStatus 0..65535
 */
record HttpLogRow(long timestampSeconds, long resourceId, long bytesSent, long requestTimeMilli,
                  int responseStatus, String cacheStatus, String method, String remoteAddr, String url) {

    private static final long MAX_DATETIME_SECONDS = 0xFFFF_FFFFL;
    private static final int UINT16_MAX = 0xFFFF;

    /** The row of a converter {@code HttpLogRecord} struct, or a {@link DataException} saying which field is bad. */
    static HttpLogRow of(Object value) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Expected a Struct value (HttpLogRecord), got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return new HttpLogRow(
                epochSeconds(HttpLogColumn.TIMESTAMP, struct.get(HttpLogColumn.TIMESTAMP.field())),
                requireLong(HttpLogColumn.RESOURCE_ID, struct.get(HttpLogColumn.RESOURCE_ID.field())),
                requireLong(HttpLogColumn.BYTES_SENT, struct.get(HttpLogColumn.BYTES_SENT.field())),
                requireLong(HttpLogColumn.REQUEST_TIME_MILLI, struct.get(HttpLogColumn.REQUEST_TIME_MILLI.field())),
                uint16(HttpLogColumn.RESPONSE_STATUS, struct.get(HttpLogColumn.RESPONSE_STATUS.field())),
                string(HttpLogColumn.CACHE_STATUS, struct.get(HttpLogColumn.CACHE_STATUS.field())),
                string(HttpLogColumn.METHOD, struct.get(HttpLogColumn.METHOD.field())),
                string(HttpLogColumn.REMOTE_ADDR, struct.get(HttpLogColumn.REMOTE_ADDR.field())),
                string(HttpLogColumn.URL, struct.get(HttpLogColumn.URL.field())));
    }

    private static long epochSeconds(HttpLogColumn column, Object value) {
        long seconds = Long.divideUnsigned(requireLong(column, value), 1000);
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

    private static String string(HttpLogColumn column, Object value) {
        if (value == null) {
            return "";
        }
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
