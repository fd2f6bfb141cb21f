package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordBufferTest {

    private static final TopicPartition P = new TopicPartition("t", 0);

    private static RecordBuffer bufferOf(int rows, Random random, int entropy) {
        RecordBuffer buffer = new RecordBuffer();
        for (int i = 0; i < rows; i++) {
            StringBuilder row = new StringBuilder("{\"url\":\"/assets/");
            for (int j = 0; j < 40; j++) {
                row.append((char) ('a' + random.nextInt(entropy)));
            }
            row.append("\",\"n\":").append(i).append("}\n");
            buffer.add(new PendingRow(P, i, row.toString().getBytes(StandardCharsets.UTF_8), 0));
        }
        return buffer;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 26})
    void gzipBatchesNeverExceedTheLimitAndFillMostOfIt(int entropy) {
        Random random = new Random(entropy);
        RecordBuffer buffer = bufferOf(50_000, random, entropy);
        int limit = 64 * 1024;
        while (!buffer.isEmpty()) {
            InsertBatch batch = buffer.nextBatch(limit, Compression.GZIP);
            assertTrue(batch.body().length <= limit, batch.body().length + " bytes");
            if (batch.rowCount() < buffer.size()) {
                assertTrue(batch.body().length > 0.85 * limit, "only " + batch.body().length + " of " + limit);
            }
            buffer.removeStored(batch);
        }
    }

    @Test
    void aRowThatCannotFitGivesNoBatch() {
        RecordBuffer buffer = new RecordBuffer();
        buffer.add(new PendingRow(P, 0, new byte[5000], 0));
        assertNull(buffer.nextBatch(1024, Compression.NONE));
        assertEquals(1, buffer.size());
    }
}
