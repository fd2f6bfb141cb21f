package org.httplog.connect.converter;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.connect.errors.DataException;
import org.httplog.schema.HttpLog.HttpLogRecord;

/**
 * One row of the dispatch table between the Cap'n Proto accessors of {@code HttpLogRecord} and the
 * fields of {@link HttpLogRecordSchema#SCHEMA}. The table is the single place that knows the
 * correspondence; the converter only walks it.
 */
record FieldCodec(String name, Function<HttpLogRecord.Reader, Object> reader,
                  BiConsumer<HttpLogRecord.Builder, Object> writer) {

    private static final int UINT16_MAX = 0xFFFF;

    /** Every field of the record, in Cap'n Proto ordinal order. */
    static final List<FieldCodec> ALL = List.of(
            new FieldCodec(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, HttpLogRecord.Reader::getTimestampEpochMilli,
                    (b, v) -> b.setTimestampEpochMilli((Long) v)),
            new FieldCodec(HttpLogRecordSchema.RESOURCE_ID, HttpLogRecord.Reader::getResourceId,
                    (b, v) -> b.setResourceId((Long) v)),
            new FieldCodec(HttpLogRecordSchema.BYTES_SENT, HttpLogRecord.Reader::getBytesSent,
                    (b, v) -> b.setBytesSent((Long) v)),
            new FieldCodec(HttpLogRecordSchema.REQUEST_TIME_MILLI, HttpLogRecord.Reader::getRequestTimeMilli,
                    (b, v) -> b.setRequestTimeMilli((Long) v)),
            new FieldCodec(HttpLogRecordSchema.RESPONSE_STATUS, r -> Short.toUnsignedInt(r.getResponseStatus()),
                    (b, v) -> b.setResponseStatus(toUInt16((Integer) v))),
            new FieldCodec(HttpLogRecordSchema.CACHE_STATUS, r -> r.getCacheStatus().toString(),
                    (b, v) -> b.setCacheStatus((String) v)),
            new FieldCodec(HttpLogRecordSchema.METHOD, r -> r.getMethod().toString(),
                    (b, v) -> b.setMethod((String) v)),
            new FieldCodec(HttpLogRecordSchema.REMOTE_ADDR, r -> r.getRemoteAddr().toString(),
                    (b, v) -> b.setRemoteAddr((String) v)),
            new FieldCodec(HttpLogRecordSchema.URL, r -> r.getUrl().toString(),
                    (b, v) -> b.setUrl((String) v)));

    private static short toUInt16(int value) {
        if (value < 0 || value > UINT16_MAX) {
            throw new DataException("Field " + HttpLogRecordSchema.RESPONSE_STATUS
                    + " is out of the UInt16 range 0..65535");
        }
        return (short) value;
    }
}
