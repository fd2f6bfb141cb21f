package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class InsertFormatTest {

    private static HttpLogRow row(long resourceId) {
        return HttpLogRow.of(ClickHouseSinkTaskTest.row(resourceId));
    }

    private static byte[] write(InsertFormat format, List<HttpLogRow> rows) {
        ByteSink sink = new ByteSink(16);
        format.write(rows, sink);
        return sink.toByteArray();
    }

    private static String json(HttpLogRow row) {
        return new String(write(InsertFormat.JSON_EACH_ROW, List.of(row)), StandardCharsets.UTF_8);
    }

    @Test
    void jsonWritesEveryColumnInTableOrderOneLinePerRow() {
        assertEquals("{\"timestamp\":1700000000,\"resource_id\":7,\"bytes_sent\":1000,\"request_time_milli\":12,"
                + "\"response_status\":200,\"cache_status\":\"HIT\",\"method\":\"GET\",\"remote_addr\":\"1.2.3.X\","
                + "\"url\":\"/r/7\"}\n", json(row(7)));
        assertEquals(3, new String(write(InsertFormat.JSON_EACH_ROW, List.of(row(1), row(2), row(3))),
                StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void unsignedSixtyFourBitValuesSurvive() {
        HttpLogRow max = HttpLogRow.of(ClickHouseSinkTaskTest.row(-1L).put("bytesSent", Long.MIN_VALUE));
        String line = json(max);
        assertTrue(line.contains("\"resource_id\":18446744073709551615,"), line);
        assertTrue(line.contains("\"bytes_sent\":9223372036854775808,"), line);
    }

    @Test
    void jsonTextIsEscapedAndUtf8SoEveryRowStaysOneLine() {
        HttpLogRow text = HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("url", "/ä\"\\\n\u0001"));
        assertTrue(json(text).contains("\"url\":\"/ä\\\"\\\\\\n\\u0001\"}"), json(text));
        assertEquals(1, json(text).lines().count());
    }

    @Test
    void millisecondsBecomeSecondsWithinTheDateTimeRange() {
        assertEquals(4294967295L, HttpLogRow.of(ClickHouseSinkTaskTest.row(1)
                .put("timestampEpochMilli", 4_294_967_295_999L)).timestampSeconds());
        assertThrows(DataException.class,
                () -> HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("timestampEpochMilli", 4_294_967_296_000L)));
        assertThrows(DataException.class,
                () -> HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("timestampEpochMilli", -1L)));
    }

    @Test
    void statusMustFitUInt16AndErrorsNeverNameTheValue() {
        assertEquals(65535, HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("responseStatus", 65535))
                .responseStatus());
        DataException e = assertThrows(DataException.class,
                () -> HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("responseStatus", 70_000)));
        assertTrue(!e.getMessage().contains("70000") && e.getMessage().contains("responseStatus"), e.getMessage());
    }

    @Test
    void aValueWithoutTheFieldsIsADataException() {
        assertThrows(DataException.class, () -> HttpLogRow.of("text"));
        assertThrows(DataException.class, () -> HttpLogRow.of(null));
    }

    @Test
    void rowBinaryIsTheValuesInColumnOrderLittleEndian() {
        Struct struct = ClickHouseSinkTaskTest.row(0x0102).put("bytesSent", -1L);
        byte[] bytes = write(InsertFormat.ROW_BINARY, List.of(HttpLogRow.of(struct)));
        assertEquals("00f15365" // DateTime 1700000000
                + "0201000000000000" // resource_id 0x0102
                + "ffffffffffffffff" // bytes_sent 2^64-1
                + "0c00000000000000" // request_time_milli 12
                + "c800" // response_status 200
                + "03484954" + "03474554" // "HIT", "GET"
                + "07312e322e332e58" // "1.2.3.X"
                + "062f722f323538", // "/r/258"
                HexFormat.of().formatHex(bytes));
    }

    /**
     * A {@code LowCardinality(String)} column laid out byte for byte as ClickHouse 18.16 wrote one
     * ({@code SELECT cache_status ... FORMAT Native} with HIT x4 then MISS x4).
     */
    @Test
    void nativeLowCardinalityColumnsMatchWhatClickHouseWrites() {
        List<HttpLogRow> rows = new java.util.ArrayList<>();
        for (String cache : List.of("HIT", "HIT", "HIT", "HIT", "MISS", "MISS", "MISS", "MISS")) {
            rows.add(HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("cacheStatus", cache)));
        }
        byte[] block = write(InsertFormat.NATIVE, rows);
        byte[] expected = HexFormat.of().parseHex("0c63616368655f737461747573" // "cache_status"
                + "164c6f7743617264696e616c69747928537472696e6729" // "LowCardinality(String)"
                + "0100000000000000" + "0006000000000000" + "0300000000000000" + "00" + "03484954" + "044d495353"
                + "0800000000000000" + "0101010102020202");
        assertTrue(indexOf(block, expected) > 0, HexFormat.of().formatHex(block));
    }

    @Test
    void nativeBlocksStartWithTheColumnAndRowCounts() {
        byte[] block = write(InsertFormat.NATIVE, List.of(row(1), row(2), row(3)));
        assertEquals(9, block[0]);
        assertEquals(3, block[1]);
        byte[] timestamp = HexFormat.of().parseHex("0974696d657374616d70" + "084461746554696d65" // name, type
                + "00f1536500f1536500f15365"); // 1700000000 three times
        assertEquals(2, indexOf(block, timestamp));
    }

    @Test
    void blocksOfEveryFormatConcatenate() {
        for (InsertFormat format : InsertFormat.values()) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(write(format, List.of(row(1))));
            both.writeBytes(write(format, List.of(row(2))));
            ByteSink sink = new ByteSink(16);
            format.write(List.of(row(1)), sink);
            format.write(List.of(row(2)), sink);
            assertArrayEquals(both.toByteArray(), sink.toByteArray(), format.name());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
