package org.httplog.connect.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** How a request body is compressed on the wire; ClickHouse 18.16 and current releases take each. */
enum Compression {
    /** The rows as they are. */
    NONE(null, false, 0, 0) {
        @Override
        BodyCompressor compressor(int level) {
            return new BodyCompressor() {
                @Override
                public byte[] compress(byte[] raw, int length) {
                    return Arrays.copyOf(raw, length);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        byte[] decompress(byte[] body) {
            return body;
        }
    },
    /** {@code Content-Encoding: gzip}, deflate levels 1 to 9. */
    GZIP("gzip", false, 9, 9) {
        @Override
        BodyCompressor compressor(int level) {
            return new GzipCompressor(level);
        }

        @Override
        byte[] decompress(byte[] body) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read back a request body", e);
            }
        }
    },
    /** ClickHouse's compressed blocks with zstd ({@code decompress=1}), levels 1 to 22: the densest. */
    ZSTD(null, true, 15, 22) {
        @Override
        BodyCompressor compressor(int level) {
            return new ClickHouseZstdCompressor(level);
        }

        @Override
        byte[] decompress(byte[] body) {
            return ClickHouseZstdCompressor.decompress(body);
        }
    };

    private final String contentEncoding;
    private final boolean compressedBlocks;
    private final int defaultLevel;
    private final int maxLevel;

    Compression(String contentEncoding, boolean compressedBlocks, int defaultLevel, int maxLevel) {
        this.contentEncoding = contentEncoding;
        this.compressedBlocks = compressedBlocks;
        this.defaultLevel = defaultLevel;
        this.maxLevel = maxLevel;
    }

    /** A compressor at {@code level}, or at this codec's default level when it is 0. */
    abstract BodyCompressor compressor(int level);

    /** The bytes a body was made from. */
    abstract byte[] decompress(byte[] body);

    /** The {@code Content-Encoding} header value, or null when none is sent. */
    String contentEncoding() {
        return contentEncoding;
    }

    /** Whether the body is ClickHouse compressed blocks (the query needs {@code decompress=1}). */
    boolean compressedBlocks() {
        return compressedBlocks;
    }

    /** The level used when {@code insert.compression.level} is 0. */
    int defaultLevel() {
        return defaultLevel;
    }

    /** The highest level this codec has (0: no levels). */
    int maxLevel() {
        return maxLevel;
    }

    /** The level to use for a configured value (0 = the default). */
    int level(int configured) {
        return configured == 0 ? defaultLevel : configured;
    }
}
