package org.httplog.connect.converter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CapnProtoConverterTest {

    private static CapnProtoConverter converter(Framing framing) {
        CapnProtoConverter converter = new CapnProtoConverter();
        converter.configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, framing.name()), false);
        return converter;
    }

    static Struct sample() {
        return new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, 1_700_000_000_123L)
                .put(HttpLogRecordSchema.RESOURCE_ID, -1L) // UInt64 2^64-1
                .put(HttpLogRecordSchema.BYTES_SENT, 123_456L)
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, 42L)
                .put(HttpLogRecordSchema.RESPONSE_STATUS, 65535)
                .put(HttpLogRecordSchema.CACHE_STATUS, "HIT")
                .put(HttpLogRecordSchema.METHOD, "GET")
                .put(HttpLogRecordSchema.REMOTE_ADDR, "10.1.2.3")
                .put(HttpLogRecordSchema.URL, "/ünïcode/path?q=1");
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void roundTripsEveryFieldIncludingMaximumUnsignedValues(Framing framing) {
        CapnProtoConverter converter = converter(framing);
        byte[] bytes = converter.fromConnectData("http_log", HttpLogRecordSchema.SCHEMA, sample());

        SchemaAndValue decoded = converter.toConnectData("http_log", bytes);

        assertEquals(HttpLogRecordSchema.SCHEMA, decoded.schema());
        assertEquals(sample(), decoded.value());
        assertEquals("18446744073709551615",
                Long.toUnsignedString(((Struct) decoded.value()).getInt64(HttpLogRecordSchema.RESOURCE_ID)));
    }

    @Test
    void unsetTextFieldsDecodeAsEmptyStrings() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        Struct partial = new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, 1L)
                .put(HttpLogRecordSchema.RESOURCE_ID, 2L)
                .put(HttpLogRecordSchema.BYTES_SENT, 3L)
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, 4L)
                .put(HttpLogRecordSchema.RESPONSE_STATUS, 200)
                .put(HttpLogRecordSchema.CACHE_STATUS, "")
                .put(HttpLogRecordSchema.METHOD, "")
                .put(HttpLogRecordSchema.REMOTE_ADDR, "")
                .put(HttpLogRecordSchema.URL, "");
        byte[] bytes = converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, partial);
        assertEquals(partial, converter.toConnectData("t", bytes).value());
    }

    @Test
    void tombstonesStayNull() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        assertNull(converter.toConnectData("t", null).value());
        assertNull(converter.fromConnectData("t", null, null));
    }

    @Test
    void garbageIsADataExceptionThatNamesTheTopicButNotTheContent() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        byte[] garbage = "1.2.3.4 not a capnp message".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> converter.toConnectData("http_log", garbage));
        assertTrue(e.getMessage().contains("http_log"), e.getMessage());
        assertFalse(e.getMessage().contains("1.2.3.4"), e.getMessage());
    }

    @Test
    void truncatedAndEmptyMessagesAreDataExceptions() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        byte[] bytes = converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, sample());
        assertThrows(DataException.class, () -> converter.toConnectData("t", new byte[0]));
        for (int length : new int[] {1, 4, 8, bytes.length / 2, bytes.length - 8}) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThrows(DataException.class, () -> converter.toConnectData("t", truncated), "length " + length);
        }
    }

    @Test
    void oversizeMessagesAreRejectedBeforeDecoding() {
        CapnProtoConverter converter = new CapnProtoConverter();
        converter.configure(Map.of(CapnProtoConverterConfig.MAX_MESSAGE_BYTES_CONFIG, "64"), false);
        byte[] bytes = converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, sample());
        DataException e = assertThrows(DataException.class, () -> converter.toConnectData("t", bytes));
        assertTrue(e.getMessage().contains("max.message.bytes"), e.getMessage());
    }

    @Test
    void outOfRangeStatusIsRefusedWhenWriting() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        Struct bad = sample().put(HttpLogRecordSchema.RESPONSE_STATUS, 70_000);
        assertThrows(DataException.class, () -> converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, bad));
    }

    @Test
    void writesWhatTheReferenceFramingExpects() {
        CapnProtoConverter converter = converter(Framing.UNPACKED);
        byte[] bytes = converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, sample());
        // Segment table: segment count - 1 (0 = one segment), then that segment's size in words.
        assertArrayEquals(new byte[] {0, 0, 0, 0}, Arrays.copyOf(bytes, 4));
        int words = (bytes[4] & 0xFF) | (bytes[5] & 0xFF) << 8 | (bytes[6] & 0xFF) << 16 | (bytes[7] & 0xFF) << 24;
        assertEquals(bytes.length, 8 + words * 8);
    }

    @Test
    void worksAsAKeyConverterToo() {
        CapnProtoConverter keys = new CapnProtoConverter();
        keys.configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, "PACKED"), true);
        byte[] bytes = keys.fromConnectData("t", HttpLogRecordSchema.SCHEMA, sample());
        assertEquals(sample(), keys.toConnectData("t", bytes).value());
    }

    @Test
    void anUnknownFramingIsAConfigError() {
        assertThrows(org.apache.kafka.common.config.ConfigException.class, () -> new CapnProtoConverter()
                .configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, "ZIPPED"), false));
    }

    @Test
    void reportsTheBuildVersion() {
        assertFalse(new CapnProtoConverter().version().isBlank());
    }
}
