package org.httplog.connect.clickhouse;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that the insert formats write into, with the little-endian and varint
 * primitives of ClickHouse's binary formats. Reused between blocks ({@link #reset}); the bytes are
 * read in place ({@link #array}, {@link #size}) to avoid a copy. Not thread-safe.
 */
final class ByteSink extends OutputStream {

    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    void reset() {
        size = 0;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Shrinks the backing array to {@code capacity} if it is more than twice that (never below the size). */
    void trimTo(int capacity) {
        int target = Math.max(capacity, size);
        if (bytes.length > 2L * target) {
            bytes = Arrays.copyOf(bytes, target);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void writeUInt16(int value) {
        ensure(2);
        LittleEndian.putShort(bytes, size, value);
        size += 2;
    }

    void writeUInt32(long value) {
        ensure(4);
        LittleEndian.putInt(bytes, size, (int) value);
        size += 4;
    }

    void writeUInt64(long value) {
        ensure(8);
        LittleEndian.putLong(bytes, size, value);
        size += 8;
    }

    /** An unsigned LEB128 varint, as ClickHouse writes lengths and counts. */
    void writeVarUInt(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) (rest & 0x7F | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    /** A ClickHouse binary String: varint length, then the UTF-8 bytes. */
    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarUInt(utf8.length);
        write(utf8, 0, utf8.length);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("Block larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
