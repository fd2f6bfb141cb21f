package org.httplog.connect.converter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the standard (unpacked) Cap'n Proto framing strictly: a segment count, one size per
 * segment, padding to a word, then exactly the segments and nothing else.
 *
 * <p>Every size in the header is checked against the bytes really present before anything is
 * allocated, so a header that claims gigabytes costs nothing: the only allocation is the array of
 * segment views, bounded by {@link #MAX_SEGMENTS}. Trailing bytes after the last segment are an
 * error (a Kafka record holds exactly one message).
 */
final class SegmentTable {

    /** The reference implementation's limit on segments per message. */
    static final int MAX_SEGMENTS = 512;
    private static final int WORD = 8;

    private SegmentTable() {
    }

    /** Views of each segment of {@code message}, little-endian, sharing its bytes. */
    static ByteBuffer[] segments(byte[] message) throws MalformedMessageException {
        int length = message.length;
        if (length == 0) {
            throw new MalformedMessageException("empty message");
        }
        if (length < 8) {
            throw new MalformedMessageException("message of " + length + " bytes is shorter than the smallest "
                    + "segment table (8 bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        long segmentCount = Integer.toUnsignedLong(buffer.getInt(0)) + 1;
        if (segmentCount > MAX_SEGMENTS) {
            throw new MalformedMessageException("segment table claims " + segmentCount + " segments, more than "
                    + MAX_SEGMENTS);
        }
        int count = (int) segmentCount;
        long tableBytes = paddedToWord(4L + 4L * count);
        if (tableBytes > length) {
            throw new MalformedMessageException("segment table of " + count + " segments needs " + tableBytes
                    + " bytes, message has " + length);
        }
        long totalBytes = tableBytes;
        for (int i = 0; i < count; i++) {
            totalBytes += Integer.toUnsignedLong(buffer.getInt(4 + 4 * i)) * WORD;
        }
        if (totalBytes != length) {
            throw new MalformedMessageException("segment table claims " + (totalBytes - tableBytes) + " bytes of "
                    + "segments, message has " + (length - tableBytes) + " after the table"
                    + (totalBytes > length ? " (truncated)" : " (trailing bytes)"));
        }
        ByteBuffer[] segments = new ByteBuffer[count];
        int position = (int) tableBytes;
        for (int i = 0; i < count; i++) {
            int size = buffer.getInt(4 + 4 * i) * WORD;
            segments[i] = ByteBuffer.wrap(message, position, size).slice().order(ByteOrder.LITTLE_ENDIAN);
            position += size;
        }
        if (segments[0].remaining() == 0) {
            throw new MalformedMessageException("message has no root pointer (first segment is empty)");
        }
        return segments;
    }

    private static long paddedToWord(long bytes) {
        return (bytes + WORD - 1) / WORD * WORD;
    }
}
