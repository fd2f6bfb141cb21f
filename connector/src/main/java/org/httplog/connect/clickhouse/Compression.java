package org.httplog.connect.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** How a request body is compressed on the wire; ClickHouse 18.16 and later take both. */
enum Compression {
    /** The rows as they are. */
    NONE(null) {
        @Override
        byte[] compress(byte[] raw) {
            return raw;
        }
    },
    /** {@code Content-Encoding: gzip}: about ten times more rows per request for log data. */
    GZIP("gzip") {
        @Override
        byte[] compress(byte[] raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
                gzip.write(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compress in memory", e);
            }
            return out.toByteArray();
        }
    };

    private final String contentEncoding;

    Compression(String contentEncoding) {
        this.contentEncoding = contentEncoding;
    }

    abstract byte[] compress(byte[] raw);

    /** The {@code Content-Encoding} header value, or null when the body is sent as it is. */
    String contentEncoding() {
        return contentEncoding;
    }
}
