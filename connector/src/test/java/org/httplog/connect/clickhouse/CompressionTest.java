package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CompressionTest {

    private static byte[] sample() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            text.append("https://img.shop.example/p/").append(random.nextInt(300)).append("/x.jpg\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyCodecRoundTripsAndOnlyLooksAtTheGivenLength() {
        byte[] raw = sample();
        byte[] padded = Arrays.copyOf(raw, raw.length + 100);
        for (Compression compression : Compression.values()) {
            try (BodyCompressor compressor = compression.compressor(compression.defaultLevel())) {
                byte[] body = compressor.compress(padded, raw.length);
                assertArrayEquals(raw, compression.decompress(body), compression.name());
                if (compression != Compression.NONE) {
                    assertTrue(body.length < raw.length / 4, compression + ": " + body.length);
                }
            }
        }
    }

    @Test
    void zstdBodiesAreOneClickHouseBlockWithItsChecksum() {
        byte[] raw = sample();
        byte[] body;
        try (BodyCompressor compressor = Compression.ZSTD.compressor(15)) {
            body = compressor.compress(raw, raw.length);
        }
        assertEquals(0x90, body[16] & 0xFF);
        assertEquals(body.length - 16, LittleEndian.getInt(body, 17));
        assertEquals(raw.length, LittleEndian.getInt(body, 21));
        long[] hash = CityHash128.hash(body, 16, body.length - 16);
        byte[] checksum = new byte[16];
        LittleEndian.putLong(checksum, 0, hash[0]);
        LittleEndian.putLong(checksum, 8, hash[1]);
        assertArrayEquals(checksum, Arrays.copyOf(body, 16));
    }

    @Test
    void gzipBodiesAreOneStandardMember() throws Exception {
        byte[] raw = sample();
        byte[] body;
        try (BodyCompressor compressor = Compression.GZIP.compressor(9)) {
            body = compressor.compress(raw, raw.length);
        }
        assertArrayEquals(raw, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))
                .readAllBytes());
    }

    @Test
    void levelsAreCheckedAgainstTheCodec() {
        assertNull(ClickHouseSinkConfig.levelProblem("ZSTD", 22));
        assertNull(ClickHouseSinkConfig.levelProblem("GZIP", 0));
        assertTrue(ClickHouseSinkConfig.levelProblem("GZIP", 12).contains("at most 9"));
        assertTrue(ClickHouseSinkConfig.levelProblem("NONE", 3).contains("Must be 0"));
        Map<String, String> props = new HashMap<>();
        props.put(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, "http://proxy:8124");
        props.put(ClickHouseSinkConfig.COMPRESSION_CONFIG, "gzip");
        props.put(ClickHouseSinkConfig.COMPRESSION_LEVEL_CONFIG, "15");
        ConfigException e = assertThrows(ConfigException.class, () -> new ClickHouseSinkConfig(props));
        assertTrue(e.getMessage().contains(ClickHouseSinkConfig.COMPRESSION_LEVEL_CONFIG), e.getMessage());
        assertEquals(15, Compression.ZSTD.level(0));
        assertEquals(9, Compression.GZIP.level(0));
    }
}
