package org.httplog.connect.clickhouse;

/** Little-endian integers in byte arrays, as gzip trailers and ClickHouse block headers are written. */
final class LittleEndian {

    private LittleEndian() {
    }

    static void putInt(byte[] target, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static void putLong(byte[] target, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static int getInt(byte[] source, int offset) {
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = value << 8 | (source[offset + i] & 0xFF);
        }
        return value;
    }
}
