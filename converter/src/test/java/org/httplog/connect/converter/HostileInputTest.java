package org.httplog.connect.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bytes an attacker or a broken producer could send. Each must end in a {@link DataException} that
 * says what was wrong without quoting the content, promptly, and without allocating more than the
 * message's own size allows.
 */
class HostileInputTest {

    private static final CapnProtoConverter UNPACKED = ReferenceVectorsTest.converter(Framing.UNPACKED);
    private static final CapnProtoConverter PACKED = ReferenceVectorsTest.converter(Framing.PACKED);
    private static final byte[] TYPICAL = ReferenceVectorsTest.vector("typical.bin");

    /** Little-endian 32-bit words, the unit of segment tables and pointers' halves. */
    private static byte[] words32(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, position, part.length);
            position += part.length;
        }
        return all;
    }

    /** Decodes, expecting a DataException within a second and a bounded allocation; returns its message. */
    private static String rejected(CapnProtoConverter converter, byte[] message) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] error = new String[1];
        long[] allocated = new long[1];
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            DataException e = assertThrows(DataException.class, () -> converter.toConnectData("http_log", message));
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            error[0] = e.getMessage();
        });
        long allowance = 64 * 1024 + 16L * message.length;
        assertTrue(allocated[0] <= allowance, "allocated " + allocated[0] + " bytes for a " + message.length
                + "-byte message");
        assertTrue(error[0].contains("http_log"), error[0]);
        return error[0];
    }

    @Test
    void emptyAndTinyMessages() {
        assertTrue(rejected(UNPACKED, new byte[0]).contains("empty message"));
        for (int length = 1; length < 8; length++) {
            assertTrue(rejected(UNPACKED, new byte[length]).contains("shorter than"));
        }
    }

    @Test
    void everyTruncationIsRejected() {
        for (int length = 0; length < TYPICAL.length; length++) {
            rejected(UNPACKED, Arrays.copyOf(TYPICAL, length));
        }
    }

    @Test
    void trailingBytesAreRejected() {
        assertTrue(rejected(UNPACKED, concat(TYPICAL, new byte[8])).contains("trailing bytes"));
        assertTrue(rejected(UNPACKED, concat(TYPICAL, new byte[1])).contains("trailing bytes"));
    }

    @Test
    void aSegmentTableThatClaimsGigabytesCostsNothing() {
        // one segment of 2^32-1 words (32 GiB), then a few real bytes
        String error = rejected(UNPACKED, concat(words32(0, -1), new byte[16]));
        assertTrue(error.contains("truncated"), error);
        // 2^32 segments
        assertTrue(rejected(UNPACKED, concat(words32(-1, 1), new byte[8])).contains("segments"));
        // 512 segments of 2^32-1 words each, the table itself present
        int[] table = new int[514];
        table[0] = 511;
        Arrays.fill(table, 1, 513, -1);
        assertTrue(rejected(UNPACKED, words32(table)).contains("truncated"));
    }

    @Test
    void aMessageWithoutARootIsRejected() {
        assertTrue(rejected(UNPACKED, words32(0, 0)).contains("no root"));
    }

    @Test
    void aListWhereTheRootStructShouldBe() {
        // root pointer: list (kind 1), offset 0, byte elements (size tag 2), 8 elements
        byte[] message = concat(words32(0, 2), words32(1, (8 << 3) | 2), new byte[8]);
        assertTrue(rejected(UNPACKED, message).contains("DecodeException"));
    }

    @Test
    void pointerLoopsEnd() {
        // root struct pointer with offset -1: the struct's only pointer is the root pointer itself
        byte[] selfStruct = concat(words32(0, 1), words32((-1 << 2), 1 << 16));
        rejected(UNPACKED, selfStruct);
        // far pointer (kind 2) whose landing pad is itself, in segment 0
        byte[] selfFar = concat(words32(0, 1), words32(2, 0));
        rejected(UNPACKED, selfFar);
        // two segments whose far pointers point at each other
        byte[] pingPong = concat(words32(1, 1, 1, 0), words32(2, 1), words32(2, 0));
        rejected(UNPACKED, pingPong);
    }

    @Test
    void aTextPointerOutOfTheSegmentIsRejected() {
        byte[] message = TYPICAL.clone();
        // the root struct's first pointer (cacheStatus) is at word 1 + 1 + 5 data words of segment 0;
        // make its element count huge: upper 29 bits of the second half
        int pointerOffset = 8 + 8 + 5 * 8;
        ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putInt(pointerOffset + 4, (1 << 28) << 3 | 2);
        rejected(UNPACKED, message);
    }

    @Test
    void theTraversalLimitStopsLargeReads() {
        CapnProtoConverter strict = new CapnProtoConverter();
        strict.configure(Map.of(CapnProtoConverterConfig.TRAVERSAL_LIMIT_WORDS_CONFIG, "4"), false);
        assertTrue(rejected(strict, TYPICAL).contains("limit"));
    }

    @Test
    void oversizeMessagesAreRejectedBeforeDecoding() {
        assertTrue(rejected(UNPACKED, new byte[CapnProtoConverterConfig.MAX_MESSAGE_BYTES_DEFAULT + 1])
                .contains("max.message.bytes"));
    }

    @Test
    void packedBombsStopAtTheMessageSizeLimit() {
        byte[] bomb = new byte[2000];
        for (int i = 0; i < bomb.length; i += 2) {
            bomb[i] = 0;           // tag: an all-zero word
            bomb[i + 1] = (byte) 255; // followed by 255 more zero words
        }
        // 1000 x 256 words = 2 MB of zeros from 2 KB
        assertTrue(rejected(PACKED, bomb).contains("unpacks to more than"));
    }

    @Test
    void truncatedPackedMessagesAreRejected() {
        byte[] packed = ReferenceVectorsTest.vector("typical.packed.bin");
        for (int length = 0; length < packed.length; length++) {
            rejected(PACKED, Arrays.copyOf(packed, length));
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void invalidUtf8BecomesReplacementCharactersAndTheRecordIsKept(Framing framing) {
        byte[] message = TYPICAL.clone();
        int hit = indexOf(message, "HIT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        message[hit] = (byte) 0xFF;
        message[hit + 1] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        CapnProtoConverter converter = framing == Framing.PACKED ? PACKED : UNPACKED;
        byte[] input = framing == Framing.PACKED ? pack(message) : message;

        Struct struct = (Struct) converter.toConnectData("http_log", input).value();

        assertEquals("\uFFFD\uFFFDT", struct.getString(HttpLogRecordSchema.CACHE_STATUS));
        assertEquals("192.168.1.77", struct.getString(HttpLogRecordSchema.REMOTE_ADDR));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** Packs with the Cap'n Proto runtime, the reference for the packed framing in Java. */
    private static byte[] pack(byte[] unpacked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.nio.channels.WritableByteChannel channel = java.nio.channels.Channels.newChannel(out)) {
            org.capnproto.MessageReader reader = org.capnproto.Serialize.read(ByteBuffer.wrap(unpacked));
            org.capnproto.SerializePacked.writeToUnbuffered(channel, reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
