package org.httplog.connect.clickhouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns the oldest staged rows into one request body no larger than the limit: as many rows as fit
 * once sorted, encoded and compressed. The compressed size of a set of rows is only known by
 * compressing it, so the row count is guessed from the ratio of the previous body (bytes of the
 * body per staged byte), then corrected in a few rounds; the largest candidate that fitted wins.
 * Not thread-safe; one per task.
 */
final class BatchSealer {

    /** Most staged bytes considered for one body, as a multiple of the limit. */
    static final int MAX_COMPRESSION_RATIO = 60;
    private static final int MAX_ROUNDS = 6;
    private static final double GOOD_ENOUGH = 0.96;

    private final InsertFormat format;
    private final Compression compression;
    private final RowOrder order;
    private final BodyCompressor compressor;
    /** Encodes candidates; trimmed after each seal so a request's raw size is not kept between windows. */
    private final ByteSink sink = new ByteSink(64 * 1024);
    /**
     * Body bytes per staged byte of the last sealed batch. Starts low (denser than any codec gets on
     * real rows), so the first full request is sealed late rather than early and half empty.
     */
    private double lastBodyPerStagedByte = 0.06;

    /** @param compressionLevel the codec's level, 0 for its default */
    BatchSealer(InsertFormat format, Compression compression, int compressionLevel, RowOrder order) {
        this.format = format;
        this.compression = compression;
        this.order = order;
        this.compressor = compression.compressor(compression.level(compressionLevel));
    }

    /** A new body for bytes of this sealer's format (a batch re-sealed without a row). */
    byte[] compress(byte[] raw) {
        return compressor.compress(raw, raw.length);
    }

    /** The expected body size of the first {@code count} staged rows, from the last batch's ratio. */
    long estimatedBodyBytes(StagedRows staged, int count) {
        return (long) (staged.encodedBytes(count) * lastBodyPerStagedByte);
    }

    /**
     * Seals the longest prefix of {@code staged} that fits {@code maxBodyBytes} and removes it from
     * {@code staged}; null when nothing is staged or the oldest row alone does not fit. With
     * {@code onlyIfFull}, a body that takes every staged row yet fills less than the limit is not
     * sealed (null): the staged rows were fewer than the estimate said, and more may come before the
     * window.
     */
    InsertBatch seal(StagedRows staged, int maxBodyBytes, boolean onlyIfFull) {
        int available = prefixWithin(staged, (long) maxBodyBytes * MAX_COMPRESSION_RATIO);
        if (available == 0) {
            return null;
        }
        List<HttpLogRow> rows = staged.firstRows(available);
        InsertBatch best = null;
        int fitting = 0;
        int tooMany = available + 1;
        int count = Math.max(1, Math.min(available, prefixWithin(staged, (long) (maxBodyBytes * GOOD_ENOUGH
                / lastBodyPerStagedByte))));
        for (int round = 0; round < MAX_ROUNDS && count > fitting && count < tooMany; round++) {
            InsertBatch candidate = encode(staged, rows, count);
            int size = candidate.body().length;
            if (size >= maxBodyBytes / 4) { // small bodies compress worse than full ones: not a guide
                lastBodyPerStagedByte = (double) size / staged.encodedBytes(count);
            }
            if (size <= maxBodyBytes) {
                best = candidate;
                fitting = count;
                if (count == available || size >= maxBodyBytes * GOOD_ENOUGH) {
                    break;
                }
            } else {
                tooMany = count;
            }
            long scaled = (long) ((double) count * maxBodyBytes * (GOOD_ENOUGH + 1) / 2 / size);
            count = (int) Math.max(fitting + 1L, Math.min(tooMany - 1L, scaled));
        }
        if (best == null && tooMany > 1) {
            InsertBatch one = encode(staged, rows, 1);
            best = one.body().length <= maxBodyBytes ? one : null;
        }
        sink.reset();
        sink.trimTo(64 * 1024);
        if (best == null) {
            return null;
        }
        if (onlyIfFull && best.rowCount() == staged.size() && best.body().length < maxBodyBytes * GOOD_ENOUGH) {
            // the estimate that asked for this seal was wrong for these very rows: learn from them,
            // however small the body, or every put() would compress them again for nothing
            lastBodyPerStagedByte = (double) best.body().length / staged.encodedBytes(best.rowCount());
            return null;
        }
        staged.removeFirst(best.rowCount());
        return best;
    }

    private InsertBatch encode(StagedRows staged, List<HttpLogRow> rows, int count) {
        List<HttpLogRow> prefix = rows.subList(0, count);
        int[] permutation = order.permutation(prefix);
        List<HttpLogRow> sorted = new ArrayList<>(count);
        for (int index : permutation) {
            sorted.add(prefix.get(index));
        }
        sink.reset();
        format.write(sorted, sink);
        byte[] body = compressor.compress(sink.array(), sink.size());
        Map<TopicPartition, InsertBatch.OffsetRange> offsets = new HashMap<>();
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            InsertBatch.OffsetRange.include(offsets, staged.partition(i), staged.offset(i));
            oldest = Math.min(oldest, staged.receivedAtMillis(i));
        }
        InsertBatch.RowOrigins origins = null;
        if (format.namesRejectedRows()) {
            TopicPartition[] partitions = new TopicPartition[count];
            long[] rowOffsets = new long[count];
            for (int i = 0; i < count; i++) {
                partitions[i] = staged.partition(permutation[i]);
                rowOffsets[i] = staged.offset(permutation[i]);
            }
            origins = new InsertBatch.RowOrigins(partitions, rowOffsets);
        }
        return new InsertBatch(count, body, sink.size(), format, compression, offsets, oldest, origins);
    }

    /** How many of the oldest staged rows together encode to at most {@code bytes}. */
    private static int prefixWithin(StagedRows staged, long bytes) {
        int low = 0;
        int high = staged.size();
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (staged.encodedBytes(middle) <= bytes) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    void close() {
        compressor.close();
    }
}
