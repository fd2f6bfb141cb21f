package org.httplog.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.CapnProtoConverter;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Writes {@link TestTraffic} records at a steady rate while a test disturbs the stack, and
 * remembers every record the broker acknowledged.
 */
final class BackgroundProducer implements AutoCloseable {

    private final String topic;
    private final int perSecond;
    private final List<Struct> acknowledged = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile RuntimeException failure;

    BackgroundProducer(String topic, int firstSequence, int perSecond) {
        this.topic = topic;
        this.perSecond = perSecond;
        this.thread = new Thread(() -> run(firstSequence), "it-producer-" + topic);
        thread.start();
    }

    private void run(int firstSequence) {
        CapnProtoConverter converter = Records.converter();
        try (KafkaProducer<byte[], byte[]> producer = Records.producer()) {
            int sequence = firstSequence;
            while (running.get()) {
                for (int i = 0; i < perSecond && running.get(); i++) {
                    Struct record = TestTraffic.records(sequence++, 1).get(0);
                    producer.send(new ProducerRecord<>(topic,
                            converter.fromConnectData(topic, HttpLogRecordSchema.SCHEMA, record))).get();
                    synchronized (acknowledged) {
                        acknowledged.add(record);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = new IllegalStateException("background producer failed", e);
        }
    }

    /** Stops producing; returns every record the broker acknowledged, in order. */
    List<Struct> stop() {
        running.set(false);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
