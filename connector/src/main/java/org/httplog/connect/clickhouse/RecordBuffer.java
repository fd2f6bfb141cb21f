package org.httplog.connect.clickhouse;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Encoded rows waiting for an insert, in the order the task received them.
 *
 * <p>Batches are always taken from the head, so what is left for each partition is always a
 * suffix of what it received: the offset of a partition's first pending row is the offset up to
 * which everything before has been stored. Not thread-safe; owned by the task thread.
 */
final class RecordBuffer {

    private final ArrayDeque<PendingRow> rows = new ArrayDeque<>();
    private final Map<TopicPartition, Integer> pendingPerPartition = new HashMap<>();
    private long bytes;

    void add(PendingRow row) {
        rows.addLast(row);
        pendingPerPartition.merge(row.partition(), 1, Integer::sum);
        bytes += row.encoded().length;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    long bytes() {
        return bytes;
    }

    /**
     * The longest prefix of the buffer whose rows fit in {@code maxBodyBytes}, as one request body;
     * null if the buffer is empty or its first row alone does not fit.
     */
    InsertBatch nextBatch(int maxBodyBytes) {
        int count = 0;
        long size = 0;
        for (PendingRow row : rows) {
            if (size + row.encoded().length > maxBodyBytes) {
                break;
            }
            size += row.encoded().length;
            count++;
        }
        if (count == 0) {
            return null;
        }
        byte[] body = new byte[(int) size];
        Map<TopicPartition, InsertBatch.OffsetRange> offsets = new HashMap<>();
        int position = 0;
        Iterator<PendingRow> iterator = rows.iterator();
        for (int i = 0; i < count; i++) {
            PendingRow row = iterator.next();
            System.arraycopy(row.encoded(), 0, body, position, row.encoded().length);
            position += row.encoded().length;
            offsets.merge(row.partition(), new InsertBatch.OffsetRange(row.offset(), row.offset()),
                    (a, b) -> new InsertBatch.OffsetRange(a.first(), b.last()));
        }
        return new InsertBatch(count, body, offsets);
    }

    /** Forgets the rows of a batch that ClickHouse stored. */
    void removeStored(InsertBatch batch) {
        for (int i = 0; i < batch.rowCount(); i++) {
            PendingRow row = rows.removeFirst();
            bytes -= row.encoded().length;
            pendingPerPartition.computeIfPresent(row.partition(), (p, n) -> n == 1 ? null : n - 1);
        }
    }

    /**
     * Takes out the row at {@code index} (0-based, in buffer order) of a batch that ClickHouse refused
     * because of that row's data; the rows around it stay.
     */
    PendingRow removeAt(int index) {
        Iterator<PendingRow> iterator = rows.iterator();
        PendingRow row = null;
        for (int i = 0; i <= index; i++) {
            row = iterator.next();
        }
        iterator.remove();
        bytes -= row.encoded().length;
        pendingPerPartition.computeIfPresent(row.partition(), (p, n) -> n == 1 ? null : n - 1);
        return row;
    }

    /** When the oldest buffered row was received (epoch ms), or -1 if the buffer is empty. */
    long oldestReceivedAtMillis() {
        PendingRow oldest = rows.peekFirst();
        return oldest == null ? -1 : oldest.receivedAtMillis();
    }

    /** Drops every row of the given partitions (they were revoked; their new owner re-reads them). */
    void drop(Collection<TopicPartition> partitions) {
        if (partitions.stream().noneMatch(pendingPerPartition::containsKey)) {
            return;
        }
        rows.removeIf(row -> {
            if (partitions.contains(row.partition())) {
                bytes -= row.encoded().length;
                return true;
            }
            return false;
        });
        pendingPerPartition.keySet().removeAll(partitions);
    }

    /** For every partition with pending rows, the offset of its first (lowest) pending row. */
    Map<TopicPartition, Long> firstPendingOffsets() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (PendingRow row : rows) {
            if (first.size() == pendingPerPartition.size()) {
                break;
            }
            first.putIfAbsent(row.partition(), row.offset());
        }
        return first;
    }
}
