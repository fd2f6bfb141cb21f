package org.httplog.connect.clickhouse;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Heap per buffered record: fills a task's buffer with the synthetic producer's traffic (masked, at
 * 1,200 records/s) as put() does, sealing full 1 MiB requests, then compares the heap the buffer
 * retains (used heap after a full GC, with and without the buffer) with the compressed bytes those
 * records take in their requests. The figure of docs/benchmarks.md "Memory".
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar org.httplog.connect.clickhouse.BufferFootprint [records]</pre>
 */
public final class BufferFootprint {

    private static final int REQUEST_MAX_BYTES = 1 << 20;

    private BufferFootprint() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<HttpLogRow> rows = EncodingDensity.traffic(count, 1200);
        TopicPartition partition = new TopicPartition("http_log", 0);
        long before = usedAfterGc();
        RecordBuffer buffer = new RecordBuffer(new BatchSealer(InsertFormat.NATIVE, Compression.ZSTD, 0,
                RowOrder.TABLE_KEY));
        for (int i = 0; i < rows.size(); i++) {
            // a copy of the row, as each record arrives with strings of its own
            HttpLogRow row = rows.get(i);
            buffer.add(partition, i, new HttpLogRow(row.timestampSeconds(), row.resourceId(), row.bytesSent(),
                    row.requestTimeMilli(), row.responseStatus(), new String(row.cacheStatus()),
                    new String(row.method()), new String(row.remoteAddr()), new String(row.url())), i,
                    REQUEST_MAX_BYTES);
            if (i % 500 == 499) {
                buffer.sealFullRequests(REQUEST_MAX_BYTES);
            }
        }
        long held = usedAfterGc() - before;
        java.lang.ref.Reference.reachabilityFence(rows); // in both measurements: only the buffer differs
        long sealedRows = 0;
        long sealedBytes = 0;
        int requests = buffer.sealedBatches();
        long stagedRows = buffer.size();
        while (buffer.sealedBatches() > 0) {
            InsertBatch batch = buffer.next(REQUEST_MAX_BYTES);
            sealedRows += batch.rowCount();
            sealedBytes += batch.body().length;
            buffer.removeStored(batch);
        }
        stagedRows -= sealedRows;
        double share = (double) sealedBytes / sealedRows;
        System.out.printf("%,d records buffered: %d sealed requests (%,d rows, %,d bytes) + %,d rows staged%n",
                count, requests, sealedRows, sealedBytes, stagedRows);
        System.out.printf("heap retained by the buffer: %,d bytes = %.1f bytes/record; "
                + "compressed share in a request: %.1f bytes/record; ratio %.2f%n",
                held, (double) held / count, share, held / (double) count / share);
        System.out.println(buffer.isEmpty() ? "" : "(staged rows left: " + buffer.size() + ")");
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
