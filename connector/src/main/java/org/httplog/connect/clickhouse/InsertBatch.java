package org.httplog.connect.clickhouse;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The rows of one insert request: the first {@code rowCount} rows of the buffer, concatenated
 * ({@code rawBytes}) and compressed into the request body. Because the buffer keeps arrival order and a partition's records arrive in
 * offset order, a batch covers a prefix of every partition's pending rows; {@code offsets} names
 * that prefix per partition, so an insert can be identified by what it carries (the basis of an
 * exactly-once mode, and what the log names when an insert's outcome is unknown).
 */
record InsertBatch(int rowCount, byte[] body, int rawBytes, Compression compression,
                   Map<TopicPartition, OffsetRange> offsets) {

    /** The first and last Kafka offset of a partition's rows in the batch (rows in between may be missing). */
    record OffsetRange(long first, long last) {
        @Override
        public String toString() {
            return first + ".." + last;
        }
    }
}
