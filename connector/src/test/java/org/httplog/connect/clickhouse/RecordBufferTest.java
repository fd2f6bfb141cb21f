package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordBufferTest {

    private static final TopicPartition P = new TopicPartition("t", 0);
    private static final TopicPartition Q = new TopicPartition("t", 1);

    private static HttpLogRow row(Random random, int entropy, int n) {
        StringBuilder url = new StringBuilder("/assets/");
        for (int j = 0; j < 40; j++) {
            url.append((char) ('a' + random.nextInt(entropy)));
        }
        return HttpLogRow.of(ClickHouseSinkTaskTest.row(n % 97).put("url", url.append('/').append(n).toString()));
    }

    private static RecordBuffer buffer(InsertFormat format, Compression compression) {
        return new RecordBuffer(new BatchSealer(format, compression, 6, RowOrder.TABLE_KEY));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 26})
    void bodiesNeverExceedTheLimitFillMostOfItAndCarryEveryRowOnce(int entropy) {
        Random random = new Random(entropy);
        RecordBuffer buffer = buffer(InsertFormat.JSON_EACH_ROW, Compression.GZIP);
        int limit = 64 * 1024;
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            buffer.add(i % 2 == 0 ? P : Q, i, row(random, entropy, i), i, limit);
            buffer.sealFullRequests(limit);
        }
        List<Long> offsets = new ArrayList<>();
        while (!buffer.isEmpty()) {
            InsertBatch batch = buffer.next(limit);
            assertTrue(batch.body().length <= limit, batch.body().length + " bytes");
            if (batch.rowCount() < buffer.size()) {
                assertTrue(batch.body().length > 0.85 * limit, "only " + batch.body().length + " of " + limit);
            }
            String lines = new String(batch.compression().decompress(batch.body()), StandardCharsets.UTF_8);
            assertEquals(batch.rowCount(), lines.lines().count());
            for (long offset : batch.origins().offsets()) {
                offsets.add(offset);
            }
            buffer.removeStored(batch);
        }
        offsets.sort(Long::compare);
        assertEquals(rows, offsets.size());
        for (int i = 0; i < rows; i++) {
            assertEquals(i, offsets.get(i));
        }
    }

    @Test
    void fullRequestsAreSealedSoTheBacklogIsHeldCompressed() {
        Random random = new Random(1);
        RecordBuffer buffer = buffer(InsertFormat.NATIVE, Compression.GZIP);
        int limit = 16 * 1024;
        long staged = 0;
        for (int i = 0; i < 50_000; i++) {
            HttpLogRow row = row(random, 2, i);
            buffer.add(P, i, row, i, limit);
            staged += 60;
            buffer.sealFullRequests(limit);
        }
        assertTrue(buffer.sealedBatches() > 10, buffer.sealedBatches() + " sealed");
        assertTrue(buffer.bytes() < staged / 4, buffer.bytes() + " bytes held for " + staged + " staged");
        assertEquals(50_000, buffer.size());
        assertEquals(java.util.Map.of(P, 0L), buffer.firstPendingOffsets());
    }

    /** A small first batch compresses worse; its ratio must not make the next seals early and half empty. */
    @Test
    void aSmallFirstBatchDoesNotMakeLaterRequestsHalfEmpty() {
        Random random = new Random(5);
        RecordBuffer buffer = buffer(InsertFormat.NATIVE, Compression.GZIP);
        int limit = 32 * 1024;
        for (int i = 0; i < 20; i++) {
            buffer.add(P, i, row(random, 4, i), i, limit);
        }
        buffer.removeStored(buffer.next(limit)); // 20 rows, a poor ratio
        for (int i = 20; i < 40_000; i++) {
            buffer.add(P, i, row(random, 4, i), i, limit);
            if (i % 500 == 499) {
                buffer.sealFullRequests(limit);
            }
        }
        assertTrue(buffer.sealedBatches() >= 2, buffer.sealedBatches() + " sealed");
        while (buffer.sealedBatches() > 1) {
            InsertBatch batch = buffer.next(limit);
            assertTrue(batch.body().length > 0.9 * limit, "a sealed request of " + batch.body().length + " bytes");
            buffer.removeStored(batch);
        }
    }

    @Test
    void pendingOffsetsFollowWhatIsStored() {
        RecordBuffer buffer = buffer(InsertFormat.ROW_BINARY, Compression.NONE);
        HttpLogRow row = HttpLogRow.of(ClickHouseSinkTaskTest.row(1));
        buffer.add(P, 5, row, 100, 1024);
        buffer.add(Q, 7, row, 200, 1024);
        buffer.add(P, 6, row, 300, 1024);
        InsertBatch first = buffer.next(60);
        assertEquals(1, first.rowCount());
        assertEquals(100, buffer.oldestReceivedAtMillis());
        buffer.removeStored(first);
        assertEquals(java.util.Map.of(P, 6L, Q, 7L), buffer.firstPendingOffsets());
        assertEquals(200, buffer.oldestReceivedAtMillis());
    }

    @Test
    void aRejectedRowLeavesTheBatchAndTheOthersStay() {
        RecordBuffer buffer = buffer(InsertFormat.JSON_EACH_ROW, Compression.GZIP);
        for (int i = 0; i < 5; i++) {
            buffer.add(P, i, HttpLogRow.of(ClickHouseSinkTaskTest.row(10 - i)), 0, 1024);
        }
        InsertBatch batch = buffer.next(4096);
        RecordBuffer.RemovedRow removed = buffer.removeRejected(batch, 0); // sorted: resource 6 first
        assertEquals(4, removed.offset());
        assertTrue(new String(removed.jsonLine(), StandardCharsets.UTF_8).contains("\"resource_id\":6,"));
        InsertBatch rest = buffer.next(4096);
        assertEquals(4, rest.rowCount());
        assertEquals(4, new String(rest.compression().decompress(rest.body()), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains("\"resource_id\":6,")).count());
    }

    @Test
    void aRowThatCannotFitGivesNoBatchAndCanBeTakenOut() {
        RecordBuffer buffer = buffer(InsertFormat.ROW_BINARY, Compression.NONE);
        HttpLogRow big = HttpLogRow.of(ClickHouseSinkTaskTest.row(1).put("url", "u".repeat(3000)));
        buffer.add(P, 0, big, 0, 4096);
        assertNull(buffer.next(1024));
        assertEquals(1, buffer.size());
        assertEquals(big, buffer.removeOldestStaged().row());
        assertTrue(buffer.isEmpty());
        assertThrows(DataException.class, () -> buffer.add(P, 1, big, 0, 1024));
    }
}
