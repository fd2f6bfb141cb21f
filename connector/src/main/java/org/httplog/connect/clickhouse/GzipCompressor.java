package org.httplog.connect.clickhouse;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** A gzip member (RFC 1952) per body: 10-byte header, raw deflate at the level, CRC-32 and length. */
final class GzipCompressor implements BodyCompressor {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;

    private final Deflater deflater;

    GzipCompressor(int level) {
        this.deflater = new Deflater(level, true);
    }

    @Override
    public byte[] compress(byte[] raw, int length) {
        deflater.reset();
        deflater.setInput(raw, 0, length);
        deflater.finish();
        byte[] out = new byte[Math.max(1024, length / 4)];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int size = HEADER.length;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        CRC32 crc = new CRC32();
        crc.update(raw, 0, length);
        out = Arrays.copyOf(out, size + TRAILER);
        LittleEndian.putInt(out, size, (int) crc.getValue());
        LittleEndian.putInt(out, size + 4, length);
        return out;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
