package org.httplog.connect.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.httplog.connect.transforms.IpMask;
import org.httplog.producer.SyntheticTraffic;

/**
 * Rows per 1 MiB request body for every combination of insert format, row order, block size and
 * codec, on the synthetic producer's traffic (masked as the sink receives it). The figures of
 * docs/benchmarks.md "Rows per request".
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.httplog.connect.clickhouse.EncodingDensity [rows] [records/s] [--sealed-only]</pre>
 *
 * First, rows per full 1 MiB request as the sink seals them (every format and codec at its default
 * level); then the matrix of block sizes, orders and codec levels.
 *
 * zstd is measured in ClickHouse's compressed-block framing ({@code insert.compression=ZSTD}), gzip
 * as a gzip member ({@code GZIP}); both include their framing bytes.
 */
public final class EncodingDensity {

    private static final int MIB = 1024 * 1024;
    private static final int[] BLOCK_ROWS = {1_024, 4_096, 16_384, 65_536};

    private EncodingDensity() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 200;
        List<HttpLogRow> rows = traffic(count, rate);
        System.out.printf("%,d rows of synthetic traffic at %.0f records/s, addresses masked (IPv4 /24, IPv6 /48)%n%n",
                rows.size(), rate);
        sealedRequests(rows);
        if (args.length > 2 && args[2].equals("--sealed-only")) {
            return;
        }
        System.out.printf("%-12s %-10s %7s %-8s %12s %10s%n", "format", "order", "block", "codec", "rows/MiB",
                "bytes/row");
        for (InsertFormat format : InsertFormat.values()) {
            for (RowOrder order : RowOrder.values()) {
                for (int blockRows : BLOCK_ROWS) {
                    for (Codec codec : Codec.values()) {
                        long compressed = compressedSize(rows, format, order, blockRows, codec);
                        double perRow = (double) compressed / rows.size();
                        System.out.printf("%-12s %-10s %7d %-8s %,12.0f %10.2f%n", format.clickHouseName(), order,
                                blockRows, codec.label, MIB / perRow, perRow);
                    }
                }
            }
        }
        long raw = 0;
        ByteSink sink = new ByteSink(1 << 20);
        for (InsertFormat format : InsertFormat.values()) {
            sink.reset();
            format.write(rows, sink);
            raw = sink.size();
            System.out.printf("%nuncompressed %s: %.1f bytes/row, %,.0f rows/MiB", format.clickHouseName(),
                    (double) raw / rows.size(), MIB / ((double) raw / rows.size()));
        }
        System.out.println();
    }

    /** Rows per full 1 MiB request as the sink seals them (sorted by the table key, default levels). */
    private static void sealedRequests(List<HttpLogRow> rows) {
        System.out.printf("%-12s %-6s %16s %14s%n", "format", "codec", "rows/request", "body bytes");
        TopicPartition partition = new TopicPartition("http_log", 0);
        for (InsertFormat format : InsertFormat.values()) {
            for (Compression compression : Compression.values()) {
                RecordBuffer buffer = new RecordBuffer(new BatchSealer(format, compression, 0, RowOrder.TABLE_KEY));
                for (int i = 0; i < rows.size(); i++) {
                    buffer.add(partition, i, rows.get(i), i, MIB);
                    if (i % 500 == 499) {
                        buffer.sealFullRequests(MIB);
                    }
                }
                List<Integer> counts = new ArrayList<>();
                long bodyBytes = 0;
                while (buffer.sealedBatches() > 1) { // the last sealed one may be the tail
                    InsertBatch batch = buffer.next(MIB);
                    counts.add(batch.rowCount());
                    bodyBytes += batch.body().length;
                    buffer.removeStored(batch);
                }
                buffer.close();
                if (counts.size() < 2) {
                    System.out.printf("%-12s %-6s %16s%n", format.clickHouseName(), compression, "(too few rows)");
                    continue;
                }
                counts.remove(0); // the first request is sealed from a cold estimate
                counts.sort(Integer::compare);
                System.out.printf("%-12s %-6s %,16d %,14d%n", format.clickHouseName(), compression,
                        counts.get(counts.size() / 2), bodyBytes / (counts.size() + 1));
            }
        }
        System.out.println("(median over the full requests after the first; body bytes: their mean)");
        System.out.println();
    }

    private static long compressedSize(List<HttpLogRow> rows, InsertFormat format, RowOrder order, int blockRows,
                                       Codec codec) {
        ByteSink sink = new ByteSink(1 << 20);
        BodyCompressor compressor = (codec.zstd ? Compression.ZSTD : Compression.GZIP).compressor(codec.level);
        long total = 0;
        for (int from = 0; from < rows.size(); from += blockRows) {
            List<HttpLogRow> block = rows.subList(from, Math.min(rows.size(), from + blockRows));
            List<HttpLogRow> sorted = new ArrayList<>(block.size());
            for (int index : order.permutation(block)) {
                sorted.add(block.get(index));
            }
            sink.reset();
            format.write(sorted, sink);
            total += compressor.compress(sink.array(), sink.size()).length;
        }
        compressor.close();
        return total;
    }

    static List<HttpLogRow> traffic(int count, double rate) {
        SyntheticTraffic traffic = new SyntheticTraffic(1);
        IpMask<SinkRecord> mask = new IpMask.Value<>();
        mask.configure(Map.of(IpMask.FIELDS_CONFIG, HttpLogRecordSchema.REMOTE_ADDR));
        List<HttpLogRow> rows = new ArrayList<>(count);
        long start = 1_764_806_400_000L;
        for (int i = 0; i < count; i++) {
            SinkRecord record = new SinkRecord("http_log", 0, null, null, HttpLogRecordSchema.SCHEMA,
                    traffic.next(start + (long) (i * 1000 / rate)), i);
            rows.add(HttpLogRow.of(mask.apply(record).value()));
        }
        mask.close();
        return rows;
    }

    private enum Codec {
        GZIP_6("gzip-6", 6, false),
        GZIP_9("gzip-9", 9, false),
        ZSTD_3("zstd-3", 3, true),
        ZSTD_9("zstd-9", 9, true),
        ZSTD_15("zstd-15", 15, true),
        ZSTD_19("zstd-19", 19, true);

        final String label;
        final int level;
        final boolean zstd;

        Codec(String label, int level, boolean zstd) {
            this.label = label;
            this.level = level;
            this.zstd = zstd;
        }
    }
}
