package org.httplog.connect.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.kafka.connect.data.Struct;
import org.capnproto.BuilderArena;
import org.capnproto.MessageBuilder;
import org.capnproto.Serialize;
import org.capnproto.SerializePacked;
import org.httplog.schema.HttpLog.HttpLogRecord;
import org.junit.jupiter.api.Test;

/** Messages spread over many small segments, joined by far pointers, decode like single-segment ones. */
class MultiSegmentTest {

    private static final Struct RECORD = ReferenceVectorsTest.record(1_700_000_000_000L, -2L, 3L, 4L, 503,
            "MISS", "PATCH", "10.0.0.1", "https://cdn.example.com/" + "x".repeat(300));

    private static MessageBuilder spreadOverSegments() {
        // tiny fixed-size segments: the root struct and every text land in segments of their own
        MessageBuilder message = new MessageBuilder(2, BuilderArena.AllocationStrategy.FIXED_SIZE);
        HttpLogRecord.Builder root = message.initRoot(HttpLogRecord.factory);
        root.setTimestampEpochMilli(RECORD.getInt64(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI));
        root.setResourceId(RECORD.getInt64(HttpLogRecordSchema.RESOURCE_ID));
        root.setBytesSent(RECORD.getInt64(HttpLogRecordSchema.BYTES_SENT));
        root.setRequestTimeMilli(RECORD.getInt64(HttpLogRecordSchema.REQUEST_TIME_MILLI));
        root.setResponseStatus((short) (int) RECORD.getInt32(HttpLogRecordSchema.RESPONSE_STATUS));
        root.setCacheStatus(RECORD.getString(HttpLogRecordSchema.CACHE_STATUS));
        root.setMethod(RECORD.getString(HttpLogRecordSchema.METHOD));
        root.setRemoteAddr(RECORD.getString(HttpLogRecordSchema.REMOTE_ADDR));
        root.setUrl(RECORD.getString(HttpLogRecordSchema.URL));
        return message;
    }

    @Test
    void unpackedMultiSegmentMessagesDecode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel channel = Channels.newChannel(out)) {
            Serialize.write(channel, spreadOverSegments());
        }
        byte[] bytes = out.toByteArray();
        int segments = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) + 1;
        assertTrue(segments >= 5, segments + " segments");

        assertEquals(RECORD, ReferenceVectorsTest.converter(Framing.UNPACKED).toConnectData("t", bytes).value());
    }

    @Test
    void packedMultiSegmentMessagesDecode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel channel = Channels.newChannel(out)) {
            SerializePacked.writeToUnbuffered(channel, spreadOverSegments());
        }
        assertEquals(RECORD, ReferenceVectorsTest.converter(Framing.PACKED).toConnectData("t", out.toByteArray())
                .value());
    }
}
