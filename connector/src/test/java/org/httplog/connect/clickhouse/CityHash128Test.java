package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every block in {@code cityhash/vectors.tsv} (made by {@code make-vectors.sh} with ClickHouse's own
 * {@code clickhouse-compressor}) starts with the CityHash128 of the rest of the block: lengths 10 to
 * 10,009 cover every path of the hash (under 16, under 128, and 128-byte rounds with every tail).
 */
class CityHash128Test {

    @Test
    void matchesTheChecksumsClickHouseWrites() throws IOException {
        List<String> lines;
        try (InputStream in = CityHash128Test.class.getResourceAsStream("/cityhash/vectors.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        assertEquals(308, lines.size());
        for (String line : lines) {
            String[] fields = line.split("\t");
            byte[] block = HexFormat.of().parseHex(fields[2]);
            long[] hash = CityHash128.hash(block, 16, block.length - 16);
            byte[] checksum = new byte[16];
            for (int i = 0; i < 8; i++) {
                checksum[i] = (byte) (hash[0] >>> (8 * i));
                checksum[8 + i] = (byte) (hash[1] >>> (8 * i));
            }
            assertEquals(fields[2].substring(0, 32), HexFormat.of().formatHex(checksum),
                    "input of " + fields[0] + " bytes (" + (block.length - 16) + " hashed)");
        }
    }
}
