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

    /** Most raw bytes considered for one compressed request, as a multiple of the body limit. */
    static final int MAX_COMPRESSION_RATIO = 40;
    private static final int MAX_SIZING_ROUNDS = 6;

    private final ArrayDeque<PendingRow> rows = new ArrayDeque<>();
    private final Map<TopicPartition, Integer> pendingPerPartition = new HashMap<>();
    private long bytes;
    /** Raw to compressed size of the last compressed batch: the first guess for the next one. */
    private double lastRatio = 8.0;

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
     * The longest prefix of the buffer whose rows fit in {@code maxBodyBytes} once compressed, as one
     * request body; null if the buffer is empty or its first row alone does not fit. Without
     * compression the prefix is exact. With compression the size of a prefix is only known by
     * compressing it: starting from the ratio of the previous batch, a few rounds scale the row count
     * to the limit and keep the largest prefix that fitted.
     */
    InsertBatch nextBatch(int maxBodyBytes, Compression compression) {
        long rawLimit = compression == Compression.NONE ? maxBodyBytes : (long) maxBodyBytes * MAX_COMPRESSION_RATIO;
        int available = 0;
        long rawAvailable = 0;
        for (PendingRow row : rows) {
            if (rawAvailable + row.encoded().length > rawLimit) {
                break;
            }
            rawAvailable += row.encoded().length;
            available++;
        }
        if (available == 0) {
            return null;
        }
        if (compression == Compression.NONE) {
            return batch(available, compression);
        }
        InsertBatch best = null;
        int fitting = 0;
        int tooMany = available + 1;
        int count = (int) Math.max(1, Math.min(available, (long) (maxBodyBytes * lastRatio * available
                / rawAvailable)));
        for (int round = 0; round < MAX_SIZING_ROUNDS; round++) {
            InsertBatch candidate = batch(count, compression);
            int next;
            if (candidate.body().length <= maxBodyBytes) {
                best = candidate;
                fitting = count;
                lastRatio = (double) candidate.rawBytes() / candidate.body().length;
                if (count == available || candidate.body().length > maxBodyBytes * 0.95) {
                    break;
                }
                next = (int) Math.min(tooMany - 1L, (long) (count * 0.98 * maxBodyBytes / candidate.body().length));
            } else {
                tooMany = count;
                next = (int) Math.min(count - 1L, (long) (count * 0.98 * maxBodyBytes / candidate.body().length));
                next = Math.max(fitting + 1, next);
            }
            if (next <= fitting || next >= tooMany) {
                break;
            }
            count = next;
        }
        if (best == null && fitting == 0 && tooMany > 1) {
            InsertBatch one = batch(1, compression);
            best = one.body().length <= maxBodyBytes ? one : null;
        }
        return best;
    }

    private InsertBatch batch(int count, Compression compression) {
        long size = 0;
        Iterator<PendingRow> sizing = rows.iterator();
        for (int i = 0; i < count; i++) {
            size += sizing.next().encoded().length;
        }
        byte[] raw = new byte[(int) size];
        Map<TopicPartition, InsertBatch.OffsetRange> offsets = new HashMap<>();
        int position = 0;
        Iterator<PendingRow> iterator = rows.iterator();
        for (int i = 0; i < count; i++) {
            PendingRow row = iterator.next();
            System.arraycopy(row.encoded(), 0, raw, position, row.encoded().length);
            position += row.encoded().length;
            offsets.merge(row.partition(), new InsertBatch.OffsetRange(row.offset(), row.offset()),
                    (a, b) -> new InsertBatch.OffsetRange(a.first(), b.last()));
        }
        return new InsertBatch(count, compression.compress(raw), raw.length, compression, offsets);
    }

    /** Forgets the rows of a batch that ClickHouse stored. */
    void removeStored(InsertBatch batch) {
        for (int i = 0; i < batch.rowCount(); i++) {
            forget(rows.removeFirst());
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
        forget(row);
        return row;
    }

    /** Keeps the byte and per-partition counts in step with a row taken out of the deque. */
    private void forget(PendingRow row) {
        bytes -= row.encoded().length;
        pendingPerPartition.computeIfPresent(row.partition(), (p, n) -> n == 1 ? null : n - 1);
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
