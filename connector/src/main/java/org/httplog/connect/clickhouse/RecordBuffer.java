package org.httplog.connect.clickhouse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;

/**
 * Rows waiting for an insert, oldest first, in two compact stages: rows just received are staged
 * as encoded bytes ({@link StagedRows}); once they would fill a request, the oldest of them are
 * sealed into a finished request body ({@link BatchSealer}) and only that compressed body is kept.
 * So a backlog costs about its compressed size in memory, plus at most one request's worth of
 * staged rows.
 *
 * <p>Batches are sent oldest first and sealed from the oldest staged rows, so what is left for
 * each partition is always a suffix of what it received: the offset of a partition's first pending
 * row is the offset up to which everything before has been stored. Not thread-safe; owned by the
 * task thread.
 */
final class RecordBuffer {

    /** Staged rows are sealed once they are expected to fill this much of a request body. */
    private static final double SEAL_AT = 1.05;

    private final StagedRows staged = new StagedRows();
    private final ArrayDeque<InsertBatch> sealed = new ArrayDeque<>();
    private final BatchSealer sealer;
    private long sealedBytes;
    private int sealedRows;

    RecordBuffer(BatchSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * Stages a row, or throws a {@link DataException} if it encodes to more than {@code maxRowBytes}
     * (it could never be sent).
     */
    void add(TopicPartition partition, long offset, HttpLogRow row, long receivedAtMillis, int maxRowBytes) {
        staged.add(partition, offset, row, receivedAtMillis, maxRowBytes);
    }

    /** Seals full request bodies while the staged rows are expected to fill more than one. */
    void sealFullRequests(int maxBodyBytes) {
        while (sealer.estimatedBodyBytes(staged, staged.size()) > maxBodyBytes * SEAL_AT) {
            InsertBatch batch = sealer.seal(staged, maxBodyBytes, true);
            if (batch == null) {
                return;
            }
            keep(batch);
        }
    }

    /**
     * The next request to send: the oldest sealed batch, or else one sealed now from the staged rows.
     * Null when the buffer is empty or its oldest row alone does not fit {@code maxBodyBytes}. A
     * sealed batch may be larger than {@code maxBodyBytes} if the limit was lowered after it was
     * sealed; the caller checks.
     */
    InsertBatch next(int maxBodyBytes) {
        if (sealed.isEmpty()) {
            InsertBatch batch = sealer.seal(staged, maxBodyBytes, false);
            if (batch == null) {
                return null;
            }
            keep(batch);
        }
        return sealed.peekFirst();
    }

    private void keep(InsertBatch batch) {
        sealed.addLast(batch);
        sealedBytes += batch.body().length;
        sealedRows += batch.rowCount();
    }

    /** Forgets the batch that ClickHouse stored (the oldest). */
    void removeStored(InsertBatch batch) {
        if (sealed.peekFirst() != batch) {
            throw new IllegalStateException("Only the oldest batch can have been stored");
        }
        sealed.removeFirst();
        sealedBytes -= batch.body().length;
        sealedRows -= batch.rowCount();
    }

    /** A row taken out of the buffer for the dead-letter queue: where it came from and its encoded form. */
    record RemovedRow(TopicPartition partition, long offset, HttpLogRow row, byte[] jsonLine) {
    }

    /**
     * Takes row {@code index} (0-based, in body order) out of the oldest batch, which ClickHouse
     * refused because of that row's data; the batch is re-sealed without it. Only for formats whose
     * errors name a row.
     */
    RemovedRow removeRejected(InsertBatch batch, int index) {
        if (sealed.peekFirst() != batch || batch.origins() == null) {
            throw new IllegalStateException("Rejected rows are only known for the oldest batch of a line format");
        }
        byte[] raw = batch.compression().decompress(batch.body());
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = lineEnd(raw, start) + 1;
        }
        int end = lineEnd(raw, start);
        byte[] line = Arrays.copyOfRange(raw, start, end);
        ByteArrayOutputStream rest = new ByteArrayOutputStream(raw.length);
        rest.write(raw, 0, start);
        rest.write(raw, end + 1, raw.length - end - 1);
        byte[] restRaw = rest.toByteArray();
        byte[] body = sealer.compress(restRaw);
        TopicPartition[] partitions = without(batch.origins().partitions(), index);
        long[] offsets = new long[batch.rowCount() - 1];
        System.arraycopy(batch.origins().offsets(), 0, offsets, 0, index);
        System.arraycopy(batch.origins().offsets(), index + 1, offsets, index, offsets.length - index);
        Map<TopicPartition, InsertBatch.OffsetRange> ranges = new HashMap<>();
        for (int i = 0; i < offsets.length; i++) {
            InsertBatch.OffsetRange.include(ranges, partitions[i], offsets[i]);
        }
        InsertBatch remaining = new InsertBatch(batch.rowCount() - 1, body, restRaw.length, batch.format(),
                batch.compression(), ranges, batch.oldestReceivedAtMillis(),
                new InsertBatch.RowOrigins(partitions, offsets));
        removeStored(batch);
        sealed.addFirst(remaining);
        sealedBytes += body.length;
        sealedRows += remaining.rowCount();
        return new RemovedRow(batch.origins().partitions()[index], batch.origins().offsets()[index], null, line);
    }

    /** Takes out the oldest staged row (it does not fit a request on its own). */
    RemovedRow removeOldestStaged() {
        RemovedRow row = new RemovedRow(staged.partition(0), staged.offset(0), staged.firstRows(1).get(0), null);
        staged.removeFirst(1);
        return row;
    }

    boolean isEmpty() {
        return sealed.isEmpty() && staged.size() == 0;
    }

    /** Rows held, sealed and staged. */
    int size() {
        return sealedRows + staged.size();
    }

    /** Bytes held: sealed bodies plus staged rows. */
    long bytes() {
        return sealedBytes + staged.bytes();
    }

    int sealedBatches() {
        return sealed.size();
    }

    /** When the oldest buffered row was received (epoch ms), or -1 if the buffer is empty. */
    long oldestReceivedAtMillis() {
        InsertBatch oldest = sealed.peekFirst();
        if (oldest != null) {
            return oldest.oldestReceivedAtMillis();
        }
        return staged.size() == 0 ? -1 : staged.receivedAtMillis(0);
    }

    /** Drops everything (the caller rewinds the partitions that stay assigned). */
    void clear() {
        sealed.clear();
        sealedBytes = 0;
        sealedRows = 0;
        staged.clear();
    }

    /** For every partition with pending rows, the offset of its first (lowest) pending row. */
    Map<TopicPartition, Long> firstPendingOffsets() {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (InsertBatch batch : sealed) {
            batch.offsets().forEach((partition, range) -> first.putIfAbsent(partition, range.first()));
        }
        staged.putFirstOffsets(first);
        return first;
    }

    void close() {
        sealer.close();
        staged.close();
    }

    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("A line-format body ends without a newline");
    }

    private static TopicPartition[] without(TopicPartition[] partitions, int index) {
        TopicPartition[] rest = new TopicPartition[partitions.length - 1];
        System.arraycopy(partitions, 0, rest, 0, index);
        System.arraycopy(partitions, index + 1, rest, index, rest.length - index);
        return rest;
    }
}
