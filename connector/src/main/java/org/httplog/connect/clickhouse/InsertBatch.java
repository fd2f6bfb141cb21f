package org.httplog.connect.clickhouse;

/**
 * The rows of one insert request: the first {@code rowCount} rows of the buffer, concatenated into
 * the request body. Because the buffer keeps arrival order and a partition's records arrive in
 * offset order, a batch covers a prefix of every partition's pending rows.
 */
record InsertBatch(int rowCount, byte[] body) {
}
