package org.httplog.connect.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;

/**
 * Rows received but not yet sealed into a request, oldest first, kept compact: every row's values as
 * {@code RowBinary} bytes, deflated (fastest level) in chunks of {@value #CHUNK_ROWS} rows as soon
 * as a chunk is full, plus each row's Kafka coordinates and arrival time in primitive arrays. No
 * object per row survives {@link #add}; rows become objects again only while a request is being
 * sealed ({@link #firstRows}). Not thread-safe.
 */
final class StagedRows {

    static final int CHUNK_ROWS = 4096;
    /** Bytes of bookkeeping per row: end offset, partition slot, Kafka offset, arrival time. */
    private static final int BOOKKEEPING_BYTES = 4 + 2 + 8 + 8;

    /** Full chunks, oldest first; then the open chunk's rows in {@link #tail}. */
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private final ByteSink tail = new ByteSink(64 * 1024);
    private final ByteSink one = new ByteSink(512);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final List<TopicPartition> partitionSlots = new ArrayList<>();
    private long chunkBytes;
    private int chunkRows;
    /** Per row: the end of its encoded bytes, counted from the first staged row. */
    private int[] rowEnd = new int[1024];
    private short[] partitionSlot = new short[1024];
    private long[] offset = new long[1024];
    private long[] receivedAtMillis = new long[1024];
    private int size;

    /** A full chunk: the deflated bytes of {@code rows} rows, {@code rawLength} bytes uncompressed. */
    private record Chunk(byte[] deflated, int rows, int rawLength) {
    }

    /** Appends a row, unless it encodes to more than {@code maxRowBytes} ({@link DataException}). */
    void add(TopicPartition partition, long kafkaOffset, HttpLogRow row, long receivedAt, int maxRowBytes) {
        one.reset();
        RowBinaryWriter.writeRow(row, one);
        if (one.size() > maxRowBytes) {
            throw new DataException("Row is " + one.size() + " bytes encoded, more than one request may carry ("
                    + ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG + "=" + maxRowBytes + ")");
        }
        if (size == rowEnd.length) {
            resize(size * 2);
        }
        tail.write(one.array(), 0, one.size());
        rowEnd[size] = (size == 0 ? 0 : rowEnd[size - 1]) + one.size();
        partitionSlot[size] = slotOf(partition);
        offset[size] = kafkaOffset;
        receivedAtMillis[size] = receivedAt;
        size++;
        if (size - chunkRows == CHUNK_ROWS) {
            closeChunk(tail.array(), 0, tail.size(), CHUNK_ROWS);
            tail.reset();
            tail.trimTo(64 * 1024);
        }
    }

    int size() {
        return size;
    }

    /**
     * Bytes the rows take: the chunks, the open chunk's rows and their bookkeeping (the arrays
     * behind them may be up to twice as large while they grow).
     */
    long bytes() {
        return chunkBytes + tail.size() + (long) BOOKKEEPING_BYTES * size;
    }

    /** Encoded (uncompressed) size of the first {@code count} rows. */
    long encodedBytes(int count) {
        return count == 0 ? 0 : rowEnd[count - 1];
    }

    TopicPartition partition(int index) {
        return partitionSlots.get(partitionSlot[index]);
    }

    long offset(int index) {
        return offset[index];
    }

    long receivedAtMillis(int index) {
        return receivedAtMillis[index];
    }

    /**
     * Adds, for each partition with staged rows and not yet in {@code first}, its oldest staged
     * offset; stops as soon as every partition seen is in (called on every commit: no full scan
     * of a large stage when its partitions all show up early).
     */
    void putFirstOffsets(Map<TopicPartition, Long> first) {
        int slots = partitionSlots.size();
        boolean[] done = new boolean[slots];
        int found = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (first.containsKey(partitionSlots.get(slot))) {
                done[slot] = true;
                found++;
            }
        }
        for (int i = 0; i < size && found < slots; i++) {
            int slot = partitionSlot[i];
            if (!done[slot]) {
                done[slot] = true;
                found++;
                first.put(partitionSlots.get(slot), offset[i]);
            }
        }
    }

    /** The first {@code count} rows, decoded. */
    List<HttpLogRow> firstRows(int count) {
        List<HttpLogRow> rows = new ArrayList<>(count);
        for (Chunk chunk : chunks) {
            if (rows.size() == count) {
                return rows;
            }
            Reader reader = new Reader(inflate(chunk));
            for (int i = 0; i < chunk.rows() && rows.size() < count; i++) {
                rows.add(reader.row());
            }
        }
        Reader reader = new Reader(tail.array());
        while (rows.size() < count) {
            rows.add(reader.row());
        }
        return rows;
    }

    /** Forgets the first {@code count} rows (they were sealed into a request or given up). */
    void removeFirst(int count) {
        if (count == 0) {
            return;
        }
        int cut = rowEnd[count - 1];
        int left = count;
        while (left > 0 && !chunks.isEmpty()) {
            Chunk first = chunks.pollFirst();
            chunkBytes -= first.deflated().length;
            chunkRows -= first.rows();
            if (first.rows() > left) { // keep the rest of this chunk, deflated anew
                byte[] raw = inflate(first);
                int consumed = cut - rawStart(count - left);
                Chunk rest = deflate(raw, consumed, raw.length - consumed, first.rows() - left);
                chunks.addFirst(rest);
                chunkBytes += rest.deflated().length;
                chunkRows += rest.rows();
                left = 0;
            } else {
                left -= first.rows();
            }
        }
        if (left > 0) { // the rest is in the open chunk: every full chunk is gone
            int consumed = cut - rawStart(count - left);
            byte[] bytes = tail.array();
            int remaining = tail.size() - consumed;
            System.arraycopy(bytes, consumed, bytes, 0, remaining);
            tail.reset();
            tail.write(bytes, 0, remaining);
            tail.trimTo(Math.max(64 * 1024, remaining));
        }
        int remainingRows = size - count;
        for (int i = 0; i < remainingRows; i++) {
            rowEnd[i] = rowEnd[i + count] - cut;
        }
        System.arraycopy(partitionSlot, count, partitionSlot, 0, remainingRows);
        System.arraycopy(offset, count, offset, 0, remainingRows);
        System.arraycopy(receivedAtMillis, count, receivedAtMillis, 0, remainingRows);
        size = remainingRows;
        if (size == 0) {
            partitionSlots.clear();
        }
        if (rowEnd.length > 2 * Math.max(1024, size * 2)) {
            resize(Math.max(1024, size * 2));
        }
    }

    void clear() {
        removeFirst(size);
    }

    /** Where row {@code index}'s encoded bytes start, counted from the first staged row. */
    private int rawStart(int index) {
        return index == 0 ? 0 : rowEnd[index - 1];
    }

    void close() {
        deflater.end();
    }

    private void closeChunk(byte[] raw, int from, int length, int rows) {
        Chunk chunk = deflate(raw, from, length, rows);
        chunks.addLast(chunk);
        chunkBytes += chunk.deflated().length;
        chunkRows += rows;
    }

    private Chunk deflate(byte[] raw, int from, int length, int rows) {
        deflater.reset();
        deflater.setInput(raw, from, length);
        deflater.finish();
        byte[] out = new byte[Math.max(256, length / 3)];
        int written = 0;
        while (!deflater.finished()) {
            if (written == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            written += deflater.deflate(out, written, out.length - written);
        }
        return new Chunk(Arrays.copyOf(out, written), rows, length);
    }

    private static byte[] inflate(Chunk chunk) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(chunk.deflated());
            byte[] raw = new byte[chunk.rawLength()];
            int read = 0;
            while (read < raw.length) {
                int n = inflater.inflate(raw, read, raw.length - read);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                read += n;
            }
            if (read != raw.length) {
                throw new IllegalStateException("A staged chunk inflated to " + read + " of " + raw.length + " bytes");
            }
            return raw;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A staged chunk is corrupt", e);
        } finally {
            inflater.end();
        }
    }

    private void resize(int capacity) {
        rowEnd = Arrays.copyOf(rowEnd, capacity);
        partitionSlot = Arrays.copyOf(partitionSlot, capacity);
        offset = Arrays.copyOf(offset, capacity);
        receivedAtMillis = Arrays.copyOf(receivedAtMillis, capacity);
    }

    private short slotOf(TopicPartition partition) {
        int slot = partitionSlots.indexOf(partition);
        if (slot < 0) {
            if (partitionSlots.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("More than " + Short.MAX_VALUE + " partitions buffered");
            }
            partitionSlots.add(partition);
            slot = partitionSlots.size() - 1;
        }
        return (short) slot;
    }

    /** Reads back what {@link RowBinaryWriter} wrote. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        HttpLogRow row() {
            return new HttpLogRow(uint32(), uint64(), uint64(), uint64(), uint16(), string(), string(), string(),
                    string());
        }

        private long uint32() {
            position += 4;
            return LittleEndian.getUnsignedInt(bytes, position - 4);
        }

        private long uint64() {
            position += 8;
            return LittleEndian.getLong(bytes, position - 8);
        }

        private int uint16() {
            position += 2;
            return LittleEndian.getUnsignedShort(bytes, position - 2);
        }

        private String string() {
            int length = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[position++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
