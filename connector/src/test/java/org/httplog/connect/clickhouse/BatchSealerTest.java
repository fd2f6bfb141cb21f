package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchSealerTest {

    private static final TopicPartition P = new TopicPartition("t", 0);
    private static final int LIMIT = 32 * 1024;

    /**
     * Rows that compress far better than the last ones make the estimate say "full" too early: one
     * look corrects it, so the next put() does not compress the same rows again.
     */
    @Test
    void aWrongEstimateIsCorrectedByOneLook() {
        BatchSealer sealer = new BatchSealer(InsertFormat.NATIVE, Compression.GZIP, 0, RowOrder.TABLE_KEY);
        StagedRows staged = new StagedRows();
        Random random = new Random(9);
        for (int i = 0; i < 3_000; i++) { // random URLs: compress poorly
            staged.add(P, i, HttpLogRow.of(ClickHouseSinkTaskTest.row(random.nextLong())
                    .put("url", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()))), i, LIMIT);
        }
        assertNotNull(sealer.seal(staged, LIMIT, false)); // learns a poor ratio from a full body
        staged.clear();
        for (int i = 0; i < 2_000; i++) { // the same row over and over: compresses to almost nothing
            staged.add(P, 3_000 + i, HttpLogRow.of(ClickHouseSinkTaskTest.row(1)), i, LIMIT);
        }
        assertTrue(sealer.estimatedBodyBytes(staged, staged.size()) > LIMIT, "the old ratio says full");

        assertNull(sealer.seal(staged, LIMIT, true));
        assertEquals(2_000, staged.size());
        assertTrue(sealer.estimatedBodyBytes(staged, staged.size()) < LIMIT / 4,
                "the estimate is what these rows compress to: " + sealer.estimatedBodyBytes(staged, staged.size()));
        sealer.close();
        staged.close();
    }
}
