package org.httplog.connect.clickhouse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian integers in byte arrays, as ClickHouse's binary formats, gzip trailers and
 * CityHash read and write them (the JDK's byte-array views, so no loop of our own).
 */
final class LittleEndian {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static void putShort(byte[] target, int offset, int value) {
        SHORT.set(target, offset, (short) value);
    }

    static void putInt(byte[] target, int offset, int value) {
        INT.set(target, offset, value);
    }

    static void putLong(byte[] target, int offset, long value) {
        LONG.set(target, offset, value);
    }

    static int getUnsignedShort(byte[] source, int offset) {
        return Short.toUnsignedInt((short) SHORT.get(source, offset));
    }

    static int getInt(byte[] source, int offset) {
        return (int) INT.get(source, offset);
    }

    static long getUnsignedInt(byte[] source, int offset) {
        return Integer.toUnsignedLong(getInt(source, offset));
    }

    static long getLong(byte[] source, int offset) {
        return (long) LONG.get(source, offset);
    }
}
