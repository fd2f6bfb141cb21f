package org.httplog.connect.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;

/**
 * Rows received but not yet sealed into a request, oldest first, kept compact: every row's values as
 * {@code RowBinary} bytes in one shared array, plus its Kafka coordinates and arrival time in
 * primitive arrays. No object per row survives {@link #add}; rows become objects again only while a
 * request is being sealed ({@link #firstRows}). Not thread-safe.
 */
final class StagedRows {

    private final ByteSink arena = new ByteSink(64 * 1024);
    private final ByteSink one = new ByteSink(512);
    private final List<TopicPartition> partitionSlots = new ArrayList<>();
    private int[] rowEnd = new int[1024];
    private short[] partitionSlot = new short[1024];
    private long[] offset = new long[1024];
    private long[] receivedAtMillis = new long[1024];
    private int size;

    /** Appends a row, unless it encodes to more than {@code maxRowBytes} ({@link DataException}). */
    void add(TopicPartition partition, long kafkaOffset, HttpLogRow row, long receivedAt, int maxRowBytes) {
        one.reset();
        RowBinaryWriter.write(List.of(row), one);
        if (one.size() > maxRowBytes) {
            throw new DataException("Row is " + one.size() + " bytes encoded, more than one request may carry ("
                    + ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG + "=" + maxRowBytes + ")");
        }
        if (size == rowEnd.length) {
            int capacity = size * 2;
            rowEnd = Arrays.copyOf(rowEnd, capacity);
            partitionSlot = Arrays.copyOf(partitionSlot, capacity);
            offset = Arrays.copyOf(offset, capacity);
            receivedAtMillis = Arrays.copyOf(receivedAtMillis, capacity);
        }
        arena.write(one.array(), 0, one.size());
        rowEnd[size] = arena.size();
        partitionSlot[size] = slotOf(partition);
        offset[size] = kafkaOffset;
        receivedAtMillis[size] = receivedAt;
        size++;
    }

    int size() {
        return size;
    }

    /** Bytes held: the encoded rows and 18 bytes of bookkeeping per row. */
    long bytes() {
        return arena.size() + 18L * size;
    }

    /** Encoded size of the first {@code count} rows. */
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

    /** The first {@code count} rows, decoded. */
    List<HttpLogRow> firstRows(int count) {
        List<HttpLogRow> rows = new ArrayList<>(count);
        Reader reader = new Reader(arena.array());
        for (int i = 0; i < count; i++) {
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
        int remaining = size - count;
        byte[] bytes = arena.array();
        int tail = arena.size() - cut;
        System.arraycopy(bytes, cut, bytes, 0, tail);
        arena.reset();
        arena.write(bytes, 0, tail);
        for (int i = 0; i < remaining; i++) {
            rowEnd[i] = rowEnd[i + count] - cut;
        }
        System.arraycopy(partitionSlot, count, partitionSlot, 0, remaining);
        System.arraycopy(offset, count, offset, 0, remaining);
        System.arraycopy(receivedAtMillis, count, receivedAtMillis, 0, remaining);
        size = remaining;
        if (size == 0) {
            partitionSlots.clear();
        }
    }

    void clear() {
        removeFirst(size);
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
            return new HttpLogRow(fixed(4), fixed(8), fixed(8), fixed(8), (int) fixed(2), string(), string(), string(),
                    string());
        }

        private long fixed(int width) {
            long value = 0;
            for (int i = 0; i < width; i++) {
                value |= (bytes[position++] & 0xFFL) << (8 * i);
            }
            return value;
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
