package org.httplog.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.httplog.connect.transforms.AddressMasker;
import org.httplog.connect.transforms.IpMask;
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
 * Throughput of the IP mask on one thread, over 1,024 addresses in turn: 80 % IPv4 (some with a port
 * or spaces), 12 % IPv6 (compressed, full, upper case, bracketed with a port, with a zone), 4 %
 * IPv4-mapped IPv6, 2 % X-Forwarded-For lists, 2 % unparseable. {@code mask} measures the pure
 * function ({@link AddressMasker}), {@code apply} the whole transformation on an {@code HttpLogRecord}
 * struct as the worker calls it (see docs/benchmarks.md for the figures and the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class IpMaskBenchmark {

    private static final int ADDRESSES = 1024;
    private static final String HMAC_KEY = "benchmark-key-0123456789abcdef01";

    @Param({"MASK", "HMAC"})
    public String mode;

    private AddressMasker masker;
    private IpMask<SinkRecord> transform;
    private String[] addresses;
    private SinkRecord[] records;
    private int next;

    @Setup
    public void setUp() {
        Map<String, String> config = mode.equals("HMAC")
                ? Map.of(IpMask.FIELDS_CONFIG, HttpLogRecordSchema.REMOTE_ADDR, IpMask.MODE_CONFIG, "HMAC",
                        IpMask.HMAC_KEY_CONFIG, HMAC_KEY)
                : Map.of(IpMask.FIELDS_CONFIG, HttpLogRecordSchema.REMOTE_ADDR);
        masker = mode.equals("HMAC")
                ? AddressMasker.pseudonymising("redacted", HMAC_KEY)
                : new AddressMasker("redacted");
        transform = new IpMask.Value<>();
        transform.configure(config);
        addresses = new String[ADDRESSES];
        records = new SinkRecord[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            addresses[i] = realistic(i);
            Struct value = ConverterBenchmark.realistic(i).put(HttpLogRecordSchema.REMOTE_ADDR, addresses[i]);
            records[i] = new SinkRecord("http_log", i % 3, null, null, HttpLogRecordSchema.SCHEMA, value, i);
        }
    }

    /** The mix of address shapes described on the class. */
    static String realistic(int i) {
        int a = 1 + (i * 37) % 223;
        int b = (i * 101) % 256;
        int c = (i * 53) % 256;
        int d = (i * 17) % 256;
        String ipv4 = a + "." + b + "." + c + "." + d;
        String group = Integer.toHexString(0x1000 + (i * 7919) % 0xefff);
        switch (i % 50) {
            case 0: case 1: case 2: case 3: case 4: case 5:
                String[] ipv6 = {
                    "2001:db8:" + group + "::" + Integer.toHexString(i),
                    "2a00:1450:4001:" + group + ":0:0:0:200e",
                    "2A02:" + group.toUpperCase(Locale.ROOT) + ":8F00:1::1",
                    "[2001:db8:" + group + "::1]:443",
                    "fe80::" + group + ":1%eth0",
                    "2600:1f18:" + group + ":b500:cafe:0:0:1",
                };
                return ipv6[i % ipv6.length];
            case 6: case 7:
                return "::ffff:" + ipv4;
            case 8:
                return ipv4 + ", 10.0.0." + (i % 256);
            case 9:
                return i % 2 == 0 ? "unknown" : "0177.0.0.1";
            case 10: case 11:
                return ipv4 + ":" + (1024 + i);
            case 12:
                return " " + ipv4 + " ";
            default:
                return ipv4;
        }
    }

    /** The pure function: one address value in, its masked form out. */
    @Benchmark
    public String mask() {
        String address = addresses[next];
        next = (next + 1) & (ADDRESSES - 1);
        return masker.mask(address);
    }

    /** The whole transformation: a masked copy of an HttpLogRecord struct. */
    @Benchmark
    public SinkRecord apply() {
        SinkRecord record = records[next];
        next = (next + 1) & (ADDRESSES - 1);
        return transform.apply(record);
    }
}
