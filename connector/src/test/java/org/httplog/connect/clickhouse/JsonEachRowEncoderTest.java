package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class JsonEachRowEncoderTest {

    private final JsonEachRowEncoder encoder = new JsonEachRowEncoder();

    private String encode(Struct struct) {
        return new String(encoder.encode(struct), StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryColumnInTableOrder() {
        assertEquals("{\"timestamp\":1700000000,\"resource_id\":7,\"bytes_sent\":1000,\"request_time_milli\":12,"
                + "\"response_status\":200,\"cache_status\":\"HIT\",\"method\":\"GET\",\"remote_addr\":\"1.2.3.X\","
                + "\"url\":\"/r/7\"}\n", encode(ClickHouseSinkTaskTest.row(7)));
    }

    @Test
    void unsignedSixtyFourBitValuesSurvive() {
        Struct max = ClickHouseSinkTaskTest.row(-1L).put("bytesSent", Long.MIN_VALUE);
        String line = encode(max);
        assertEquals(true, line.contains("\"resource_id\":18446744073709551615,"), line);
        assertEquals(true, line.contains("\"bytes_sent\":9223372036854775808,"), line);
    }

    @Test
    void textIsEscapedAndUtf8() {
        Struct text = ClickHouseSinkTaskTest.row(1).put("url", "/ä\"\\\n\u0001");
        assertEquals(true, encode(text).contains("\"url\":\"/ä\\\"\\\\\\n\\u0001\"}"), encode(text));
    }

    @Test
    void millisecondsBecomeSecondsWithinTheDateTimeRange() {
        assertEquals(true, encode(ClickHouseSinkTaskTest.row(1).put("timestampEpochMilli", 4_294_967_295_999L))
                .startsWith("{\"timestamp\":4294967295,"));
        assertThrows(DataException.class,
                () -> encoder.encode(ClickHouseSinkTaskTest.row(1).put("timestampEpochMilli", 4_294_967_296_000L)));
    }

    @Test
    void statusMustFitUInt16() {
        assertEquals(true, encode(ClickHouseSinkTaskTest.row(1).put("responseStatus", 65535))
                .contains("\"response_status\":65535,"));
        assertThrows(DataException.class, () -> encoder.encode(ClickHouseSinkTaskTest.row(1).put("responseStatus", -1)));
    }

    @Test
    void aValueWithoutTheFieldsIsADataException() {
        assertThrows(DataException.class, () -> encoder.encode("text"));
        assertThrows(DataException.class, () -> encoder.encode(null));
    }
}
