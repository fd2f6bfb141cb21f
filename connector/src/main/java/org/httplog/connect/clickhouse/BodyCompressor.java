package org.httplog.connect.clickhouse;

/** Compresses request bodies with one codec at one level; holds native state, so close it. Not thread-safe. */
interface BodyCompressor extends AutoCloseable {

    /** The request body for the first {@code length} bytes of {@code raw}. */
    byte[] compress(byte[] raw, int length);

    @Override
    void close();
}
