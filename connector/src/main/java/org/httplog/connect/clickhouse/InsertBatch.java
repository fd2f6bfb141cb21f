package org.httplog.connect.clickhouse;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One request, sealed: the oldest {@code rowCount} rows of the buffer, sorted, encoded in
 * {@code format} ({@code rawBytes}) and compressed into {@code body}, which is never larger than the
 * body limit in force when it was sealed. Because rows are sealed oldest first and a partition's
 * records arrive in offset order, a batch covers a prefix of every partition's pending rows;
 * {@code offsets} names that prefix per partition, so the log can say what an insert carried.
 *
 * @param origins the Kafka coordinates of every row in body order, kept only for formats whose
 *                errors name a row ({@link InsertFormat#namesRejectedRows}); null otherwise
 */
record InsertBatch(int rowCount, byte[] body, int rawBytes, InsertFormat format, Compression compression,
                   Map<TopicPartition, OffsetRange> offsets, long oldestReceivedAtMillis, RowOrigins origins) {

    /** The first and last Kafka offset of a partition's rows in the batch (rows in between may be missing). */
    record OffsetRange(long first, long last) {

        /** Widens the partition's range in {@code ranges} to take in {@code offset}. */
        static void include(Map<TopicPartition, OffsetRange> ranges, TopicPartition partition, long offset) {
            ranges.merge(partition, new OffsetRange(offset, offset), (a, b) ->
                    new OffsetRange(Math.min(a.first(), b.first()), Math.max(a.last(), b.last())));
        }

        @Override
        public String toString() {
            return first + ".." + last;
        }
    }

    /** The partition and offset of each row, in the order the rows are in the body. */
    record RowOrigins(TopicPartition[] partitions, long[] offsets) {
    }
}
