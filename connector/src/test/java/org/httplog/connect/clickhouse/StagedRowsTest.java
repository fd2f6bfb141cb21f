package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StagedRowsTest {

    private static final TopicPartition P = new TopicPartition("t", 0);
    private static final TopicPartition Q = new TopicPartition("t", 1);

    private static HttpLogRow row(int n) {
        return HttpLogRow.of(ClickHouseSinkTaskTest.row(n).put("url", "/assets/" + n % 300 + "/" + "x".repeat(n % 17)));
    }

    /** Random adds and removals across chunk boundaries: what comes back is always what went in, in order. */
    @Test
    void rowsComeBackInOrderAcrossChunksAndPartialRemovals() {
        Random random = new Random(11);
        StagedRows staged = new StagedRows();
        List<Integer> expected = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 60; round++) {
            int adds = random.nextInt(3 * StagedRows.CHUNK_ROWS);
            for (int i = 0; i < adds; i++) {
                staged.add(next % 3 == 0 ? Q : P, next, row(next), 1000L + next, 1 << 20);
                expected.add(next++);
            }
            int removals = expected.isEmpty() ? 0 : random.nextInt(expected.size() + 1);
            if (removals > 0) {
                List<HttpLogRow> first = staged.firstRows(removals);
                for (int i = 0; i < removals; i++) {
                    assertEquals(row(expected.get(i)), first.get(i), "row " + i + " of round " + round);
                }
                staged.removeFirst(removals);
                expected.subList(0, removals).clear();
            }
            assertEquals(expected.size(), staged.size());
            java.util.Map<TopicPartition, Long> firstOffsets = new java.util.HashMap<>();
            staged.putFirstOffsets(firstOffsets);
            java.util.Map<TopicPartition, Long> wanted = new java.util.HashMap<>();
            for (int n : expected) {
                wanted.putIfAbsent(n % 3 == 0 ? Q : P, (long) n);
            }
            assertEquals(wanted, firstOffsets, "first offsets in round " + round);
            if (!expected.isEmpty()) {
                assertEquals((long) expected.get(0), staged.offset(0));
                assertEquals(1000L + expected.get(0), staged.receivedAtMillis(0));
                assertEquals(row(expected.get(expected.size() - 1)), staged.firstRows(expected.size())
                        .get(expected.size() - 1));
            }
        }
        staged.close();
    }

    @Test
    void fullChunksAreHeldDeflated() {
        StagedRows staged = new StagedRows();
        long raw = 0;
        for (int i = 0; i < 10 * StagedRows.CHUNK_ROWS; i++) {
            staged.add(P, i, row(i), i, 1 << 20);
        }
        raw = staged.encodedBytes(staged.size());
        assertTrue(staged.bytes() < raw / 2 + 22L * 2 * staged.size() + 128 * 1024,
                staged.bytes() + " bytes held for " + raw + " encoded");
        staged.close();
    }
}
