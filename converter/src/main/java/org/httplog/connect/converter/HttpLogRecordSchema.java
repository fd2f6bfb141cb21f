package org.httplog.connect.converter;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect schema of an {@code HttpLogRecord}: one field per Cap'n Proto field, under the
 * Cap'n Proto field name.
 *
 * <p>Connect has no unsigned types. Cap'n Proto {@code UInt64} fields travel as {@code INT64}
 * holding the same 64 bits (values above 2^63-1 appear negative in Java) and {@code UInt16} as
 * {@code INT32}; each such field carries the schema parameter {@value #CAPNP_TYPE_PARAMETER} with
 * the Cap'n Proto type, so a consumer (our sink) reads the bits back as unsigned.
 */
public final class HttpLogRecordSchema {

    /** Schema parameter naming the Cap'n Proto type of a field whose Connect type is wider or signed. */
    public static final String CAPNP_TYPE_PARAMETER = "capnp.type";
    public static final String UINT64 = "UInt64";
    public static final String UINT16 = "UInt16";

    public static final String NAME = "org.httplog.HttpLogRecord";
    public static final int VERSION = 1;

    public static final String TIMESTAMP_EPOCH_MILLI = "timestampEpochMilli";
    public static final String RESOURCE_ID = "resourceId";
    public static final String BYTES_SENT = "bytesSent";
    public static final String REQUEST_TIME_MILLI = "requestTimeMilli";
    public static final String RESPONSE_STATUS = "responseStatus";
    public static final String CACHE_STATUS = "cacheStatus";
    public static final String METHOD = "method";
    public static final String REMOTE_ADDR = "remoteAddr";
    public static final String URL = "url";

    public static final Schema UINT64_SCHEMA = SchemaBuilder.int64()
            .parameter(CAPNP_TYPE_PARAMETER, UINT64).build();
    public static final Schema UINT16_SCHEMA = SchemaBuilder.int32()
            .parameter(CAPNP_TYPE_PARAMETER, UINT16).build();

    public static final Schema SCHEMA = SchemaBuilder.struct()
            .name(NAME)
            .version(VERSION)
            .doc("One HTTP request served by an edge server (Cap'n Proto HttpLogRecord, file id 0xf42cd342ff520eca).")
            .field(TIMESTAMP_EPOCH_MILLI, described(UINT64, "Time of the request, milliseconds since the epoch (UTC)."))
            .field(RESOURCE_ID, described(UINT64, "Id of the resource served."))
            .field(BYTES_SENT, described(UINT64, "Bytes sent to the client."))
            .field(REQUEST_TIME_MILLI, described(UINT64, "Time taken to serve the request, milliseconds."))
            .field(RESPONSE_STATUS, SchemaBuilder.int32().parameter(CAPNP_TYPE_PARAMETER, UINT16)
                    .doc("HTTP status code answered.").build())
            .field(CACHE_STATUS, text("Cache result, e.g. HIT or MISS."))
            .field(METHOD, text("HTTP method."))
            .field(REMOTE_ADDR, text("Client address; the IP-mask transform anonymises it."))
            .field(URL, text("Requested URL."))
            .build();

    private HttpLogRecordSchema() {
    }

    private static Schema described(String capnpType, String doc) {
        return SchemaBuilder.int64().parameter(CAPNP_TYPE_PARAMETER, capnpType).doc(doc).build();
    }

    private static Schema text(String doc) {
        return SchemaBuilder.string().doc(doc).build();
    }
}
