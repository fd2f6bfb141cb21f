package org.httplog.connect.converter;

/**
 * Undoes Cap'n Proto's packed encoding, allocating only what the unpacked message really needs.
 *
 * <p>Each word starts with a tag byte whose bits say which of its 8 bytes are non-zero and follow.
 * Tag 0x00 is followed by a count of further all-zero words; tag 0xFF by the 8 bytes and a count
 * of words copied verbatim. A first pass walks the tags to learn the unpacked size and checks it
 * against the limit before anything is allocated, so a few packed bytes that claim megabytes of
 * zeros cost nothing.
 */
final class PackedFraming {

    private static final int WORD = 8;

    private PackedFraming() {
    }

    static byte[] unpack(byte[] packed, int maxUnpackedBytes) throws MalformedMessageException {
        if (packed.length == 0) {
            throw new MalformedMessageException("empty message");
        }
        byte[] out = new byte[unpackedLength(packed, maxUnpackedBytes)];
        int written = 0;
        int in = 0;
        while (in < packed.length) {
            int tag = packed[in++] & 0xFF;
            for (int bit = 0; bit < WORD; bit++, written++) {
                if ((tag & (1 << bit)) != 0) {
                    out[written] = packed[in++];
                }
            }
            if (tag == 0x00) {
                written += (packed[in++] & 0xFF) * WORD;
            } else if (tag == 0xFF) {
                int bytes = (packed[in++] & 0xFF) * WORD;
                System.arraycopy(packed, in, out, written, bytes);
                in += bytes;
                written += bytes;
            }
        }
        return out;
    }

    /** The unpacked size of a well-formed packed message, checked against the limit. */
    private static int unpackedLength(byte[] packed, int maxUnpackedBytes) throws MalformedMessageException {
        long length = 0;
        int in = 0;
        while (in < packed.length) {
            int tag = packed[in++] & 0xFF;
            in += Integer.bitCount(tag);
            length += WORD;
            if (tag == 0x00 || tag == 0xFF) {
                if (in >= packed.length) {
                    throw new MalformedMessageException("packed message ends inside a word at byte " + packed.length);
                }
                int words = packed[in++] & 0xFF;
                length += (long) words * WORD;
                if (tag == 0xFF) {
                    in += words * WORD;
                }
            }
            if (in > packed.length) {
                throw new MalformedMessageException("packed message ends inside a word at byte " + packed.length);
            }
            if (length > maxUnpackedBytes) {
                throw new MalformedMessageException("packed message unpacks to more than " + maxUnpackedBytes
                        + " bytes (" + CapnProtoConverterConfig.MAX_MESSAGE_BYTES_CONFIG + ")");
            }
        }
        return (int) length;
    }
}
