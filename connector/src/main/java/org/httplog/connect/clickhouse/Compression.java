package org.httplog.connect.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/** How a request body is compressed on the wire; ClickHouse 18.16 and later take both. */
enum Compression {
    /** The rows as they are. */
    NONE(null) {
        @Override
        byte[] compress(byte[] raw, int length, Deflater deflater) {
            return Arrays.copyOf(raw, length);
        }

        @Override
        byte[] decompress(byte[] body) {
            return body;
        }
    },
    /** {@code Content-Encoding: gzip} (RFC 1952), at the deflater's level. */
    GZIP("gzip") {
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        private static final int TRAILER = 8;

        @Override
        byte[] compress(byte[] raw, int length, Deflater deflater) {
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
            writeIntLe(out, size, (int) crc.getValue());
            writeIntLe(out, size + 4, length);
            return out;
        }

        @Override
        byte[] decompress(byte[] body) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read back a request body", e);
            }
        }
    };

    private final String contentEncoding;

    Compression(String contentEncoding) {
        this.contentEncoding = contentEncoding;
    }

    /** The body for the first {@code length} bytes of {@code raw} (the deflater is reset and reused). */
    abstract byte[] compress(byte[] raw, int length, Deflater deflater);

    /** The bytes a body was made from. */
    abstract byte[] decompress(byte[] body);

    /** The {@code Content-Encoding} header value, or null when the body is sent as it is. */
    String contentEncoding() {
        return contentEncoding;
    }

    private static void writeIntLe(byte[] target, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
