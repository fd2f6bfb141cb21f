package org.httplog.connect.converter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages made by the reference implementation ({@code capnp encode}, see
 * {@code src/test/resources/vectors/make-vectors.sh}) decode field by field, in both framings, and
 * what the converter writes is byte for byte what {@code capnp encode} wrote.
 */
class ReferenceVectorsTest {

    private static final Map<String, Struct> EXPECTED = Map.of(
            "typical", record(1_700_000_000_123L, 42L, 123_456L, 87L, 200, "HIT", "GET", "192.168.1.77",
                    "https://cdn.example.com/assets/42.jpg"),
            "max-values", record(-1L, -1L, -1L, -1L, 65535, "MISS", "DELETE", "255.255.255.255", "/"),
            "empty-text", record(0L, 0L, 0L, 0L, 0, "", "", "", ""),
            "unset", record(0L, 0L, 0L, 0L, 0, "", "", "", ""),
            "non-ascii-ipv6", record(1_764_000_000_000L, Long.MIN_VALUE, 1L, 2L, 404, "EXPIRED", "GET",
                    "2001:db8:85a3::8a2e:370:7334", "https://例え.jp/ünïcödé/€?q=\"x\"&emoji=😀"));

    static Struct record(long timestamp, long resourceId, long bytesSent, long requestTime, int status,
                         String cache, String method, String address, String url) {
        return new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, timestamp)
                .put(HttpLogRecordSchema.RESOURCE_ID, resourceId)
                .put(HttpLogRecordSchema.BYTES_SENT, bytesSent)
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, requestTime)
                .put(HttpLogRecordSchema.RESPONSE_STATUS, status)
                .put(HttpLogRecordSchema.CACHE_STATUS, cache)
                .put(HttpLogRecordSchema.METHOD, method)
                .put(HttpLogRecordSchema.REMOTE_ADDR, address)
                .put(HttpLogRecordSchema.URL, url);
    }

    static byte[] vector(String file) {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CapnProtoConverter converter(Framing framing) {
        CapnProtoConverter converter = new CapnProtoConverter();
        converter.configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, framing.name()), false);
        return converter;
    }

    @ParameterizedTest
    @CsvSource({
        "typical.bin, UNPACKED", "typical.packed.bin, PACKED",
        "max-values.bin, UNPACKED", "max-values.packed.bin, PACKED",
        "empty-text.bin, UNPACKED", "empty-text.packed.bin, PACKED",
        "unset.bin, UNPACKED", "unset.packed.bin, PACKED",
        "non-ascii-ipv6.bin, UNPACKED", "non-ascii-ipv6.packed.bin, PACKED",
    })
    void decodesWhatTheReferenceEncoderWrote(String file, Framing framing) {
        String name = file.substring(0, file.indexOf('.'));
        assertEquals(EXPECTED.get(name), converter(framing).toConnectData("http_log", vector(file)).value(), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"typical", "max-values", "empty-text", "non-ascii-ipv6"})
    void writesWhatTheReferenceEncoderWrites(String name) {
        for (Framing framing : Framing.values()) {
            String file = name + (framing == Framing.PACKED ? ".packed.bin" : ".bin");
            byte[] written = converter(framing).fromConnectData("http_log", HttpLogRecordSchema.SCHEMA,
                    EXPECTED.get(name));
            assertArrayEquals(vector(file), written, file);
        }
    }
}
