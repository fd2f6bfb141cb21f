package org.httplog.connect.clickhouse;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;

/**
 * ClickHouse's own compressed-block framing, which its HTTP interface reads when the query has
 * {@code decompress=1}: per block a 16-byte CityHash128 (1.0.2) checksum of what follows, the method
 * byte (0x90 = ZSTD), the block size with its 9-byte header and the uncompressed size (both UInt32
 * little-endian), then one zstd frame. A body is one block. ClickHouse 18.16 and current releases
 * read it; zstd beats gzip by 15 to 30% on our rows (docs/benchmarks.md).
 *
 * <p>zstd comes from {@code zstd-jni}, which every Kafka installation ships in {@code libs/} for
 * Kafka's own compression; the plugin uses the worker's copy.
 */
final class ClickHouseZstdCompressor implements BodyCompressor {

    static final int METHOD_ZSTD = 0x90;
    static final int CHECKSUM_BYTES = 16;
    static final int HEADER_BYTES = 9;

    private final int level;

    ClickHouseZstdCompressor(int level) {
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] raw, int length) {
        int start = CHECKSUM_BYTES + HEADER_BYTES;
        byte[] out = new byte[start + (int) Zstd.compressBound(length)];
        long written = Zstd.compressByteArray(out, start, out.length - start, raw, 0, length, level);
        if (Zstd.isError(written)) {
            throw new IllegalStateException("zstd failed: " + Zstd.getErrorName(written));
        }
        out[CHECKSUM_BYTES] = (byte) METHOD_ZSTD;
        LittleEndian.putInt(out, CHECKSUM_BYTES + 1, (int) written + HEADER_BYTES);
        LittleEndian.putInt(out, CHECKSUM_BYTES + 5, length);
        long[] checksum = CityHash128.hash(out, CHECKSUM_BYTES, HEADER_BYTES + (int) written);
        LittleEndian.putLong(out, 0, checksum[0]);
        LittleEndian.putLong(out, 8, checksum[1]);
        return Arrays.copyOf(out, start + (int) written);
    }

    /** The bytes of a body made of such blocks (any number of them). */
    static byte[] decompress(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length * 8);
        int position = 0;
        while (position < body.length) {
            int method = body[position + CHECKSUM_BYTES] & 0xFF;
            int compressed = LittleEndian.getInt(body, position + CHECKSUM_BYTES + 1);
            int rawLength = LittleEndian.getInt(body, position + CHECKSUM_BYTES + 5);
            if (method != METHOD_ZSTD) {
                throw new IllegalStateException("Not a ZSTD block: method " + method);
            }
            byte[] frame = Arrays.copyOfRange(body, position + CHECKSUM_BYTES + HEADER_BYTES,
                    position + CHECKSUM_BYTES + compressed);
            out.writeBytes(Zstd.decompress(frame, rawLength));
            position += CHECKSUM_BYTES + compressed;
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
    }
}
