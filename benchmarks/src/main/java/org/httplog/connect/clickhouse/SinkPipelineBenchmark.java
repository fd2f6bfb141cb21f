package org.httplog.connect.clickhouse;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.sink.SinkRecord;
import org.httplog.connect.converter.CapnProtoConverter;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.httplog.connect.transforms.IpMask;
import org.httplog.producer.SyntheticTraffic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU per record of everything the worker and the sink do to a record on one thread, as in a task:
 * Cap'n Proto decode, IP mask, validation and staging, then sealing the requests (sort, encode,
 * compress to 1 MiB bodies at the codec's default level, with the sizing rounds). One invocation carries {@value #RECORDS} records of
 * the synthetic producer's traffic at 1,200 records/s, about two full requests; the score is per
 * record.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SinkPipelineBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Threads(1)
public class SinkPipelineBenchmark {

    static final int RECORDS = 150_000;
    private static final int REQUEST_MAX_BYTES = 1 << 20;
    private static final TopicPartition PARTITION = new TopicPartition("http_log", 0);

    @Param({"NATIVE", "JSON_EACH_ROW"})
    public String format;

    @Param({"ZSTD", "GZIP"})
    public String compression;

    /** 0: the codec's default (ZSTD 15, GZIP 9). */
    @Param({"0"})
    public int level;

    private byte[][] messages;
    private CapnProtoConverter converter;
    private IpMask<SinkRecord> mask;

    @Setup
    public void setUp() {
        converter = new CapnProtoConverter();
        converter.configure(Map.of(), false);
        mask = new IpMask.Value<>();
        mask.configure(Map.of(IpMask.FIELDS_CONFIG, HttpLogRecordSchema.REMOTE_ADDR));
        SyntheticTraffic traffic = new SyntheticTraffic(1);
        messages = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            messages[i] = converter.fromConnectData("http_log", HttpLogRecordSchema.SCHEMA,
                    traffic.next(1_764_806_400_000L + i * 1000L / 1200));
        }
    }

    @TearDown
    public void tearDown() {
        mask.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int decodeMaskEncodeCompress() {
        BatchSealer sealer = new BatchSealer(InsertFormat.valueOf(format), Compression.valueOf(compression), level,
                RowOrder.TABLE_KEY);
        RecordBuffer buffer = new RecordBuffer(sealer);
        for (int i = 0; i < RECORDS; i++) {
            SchemaAndValue value = converter.toConnectData("http_log", messages[i]);
            SinkRecord record = new SinkRecord("http_log", 0, null, null, value.schema(), value.value(), i);
            buffer.add(PARTITION, i, HttpLogRow.of(mask.apply(record).value()), i, REQUEST_MAX_BYTES);
            if (i % 500 == 499) {
                buffer.sealFullRequests(REQUEST_MAX_BYTES); // as put() does after every poll
            }
        }
        int bodies = 0;
        while (!buffer.isEmpty()) {
            InsertBatch batch = buffer.next(REQUEST_MAX_BYTES);
            bodies += batch.body().length;
            buffer.removeStored(batch);
        }
        buffer.close();
        return bodies;
    }
}
