package org.httplog.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.httplog.connect.converter.CapnProtoConverter;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Writes synthetic Cap'n Proto {@code HttpLogRecord}s to a Kafka topic at a steady rate, as the
 * edge servers would.
 *
 * <pre>
 * java -jar httplog-producer-all.jar --bootstrap-servers localhost:9092 --topic http_log --rate 200 [--count N] [--seed S]
 * </pre>
 */
public final class SyntheticProducer {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private SyntheticProducer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        String bootstrap = options.getOrDefault("bootstrap-servers", "localhost:9092");
        String topic = options.getOrDefault("topic", "http_log");
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        long count = Long.parseLong(options.getOrDefault("count", "0"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime())));
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive (records per second)");
        }

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "httplog-synthetic-producer");

        CapnProtoConverter converter = new CapnProtoConverter();
        converter.configure(Map.of(), false);
        SyntheticTraffic traffic = new SyntheticTraffic(seed);
        AtomicLong failures = new AtomicLong();

        System.out.printf("Producing to %s at %s, %.1f records/s%s%n", topic, bootstrap, rate,
                count > 0 ? ", " + count + " records" : ", until stopped");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            Runtime.getRuntime().addShutdownHook(new Thread(producer::flush));
            long start = System.nanoTime();
            long sent = 0;
            long lastReport = start;
            while (count <= 0 || sent < count) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate) + 1;
                if (count > 0) {
                    due = Math.min(due, count);
                }
                for (; sent < due; sent++) {
                    byte[] value = converter.fromConnectData(topic, HttpLogRecordSchema.SCHEMA,
                            traffic.next(System.currentTimeMillis()));
                    producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                    });
                }
                long now = System.nanoTime();
                if (now - lastReport >= TimeUnit.SECONDS.toNanos(30)) {
                    System.out.printf("sent %d records, %d failed%n", sent, failures.get());
                    lastReport = now;
                }
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            }
            producer.flush();
            System.out.printf("done: sent %d records, %d failed%n", sent, failures.get());
        }
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: --bootstrap-servers HOST:PORT --topic T --rate R/s "
                        + "[--count N] [--seed S]; bad argument: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
