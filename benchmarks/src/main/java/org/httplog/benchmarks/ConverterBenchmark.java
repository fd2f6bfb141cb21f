package org.httplog.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.CapnProtoConverter;
import org.httplog.connect.converter.CapnProtoConverterConfig;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode throughput of the Cap'n Proto converter on one thread: Kafka record bytes to a Connect
 * {@link Struct}, as the worker calls it for every record. The 1,024 messages cycle through
 * realistic field values (see docs/benchmarks.md for the figure and the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ConverterBenchmark {

    private static final int MESSAGES = 1024;

    @Param({"UNPACKED", "PACKED"})
    public String framing;

    private CapnProtoConverter converter;
    private byte[][] messages;
    private int next;

    @Setup
    public void setUp() {
        converter = new CapnProtoConverter();
        converter.configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, framing), false);
        messages = new byte[MESSAGES][];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = converter.fromConnectData("http_log", HttpLogRecordSchema.SCHEMA, realistic(i));
        }
    }

    static Struct realistic(int i) {
        String[] cache = {"HIT", "MISS", "EXPIRED"};
        String[] methods = {"GET", "GET", "GET", "POST", "HEAD"};
        int[] statuses = {200, 200, 200, 304, 404, 206};
        return new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, 1_764_000_000_000L + i * 5L)
                .put(HttpLogRecordSchema.RESOURCE_ID, 1_000_000L + (i * 7919L) % 10_000)
                .put(HttpLogRecordSchema.BYTES_SENT, 500L + (i * 104_729L) % 2_000_000)
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, (long) (i * 31 % 900))
                .put(HttpLogRecordSchema.RESPONSE_STATUS, statuses[i % statuses.length])
                .put(HttpLogRecordSchema.CACHE_STATUS, cache[i % cache.length])
                .put(HttpLogRecordSchema.METHOD, methods[i % methods.length])
                .put(HttpLogRecordSchema.REMOTE_ADDR, (10 + i % 200) + "." + (i * 7 % 256) + "." + (i * 13 % 256)
                        + "." + (i * 17 % 256))
                .put(HttpLogRecordSchema.URL, "https://cdn.example.com/assets/" + (1_000_000 + (i * 7919) % 10_000)
                        + "/image-" + (i % 50) + ".jpg");
    }

    @Benchmark
    public SchemaAndValue decode() {
        byte[] message = messages[next];
        next = (next + 1) & (MESSAGES - 1);
        return converter.toConnectData("http_log", message);
    }
}
