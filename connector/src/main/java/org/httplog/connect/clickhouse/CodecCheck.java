package org.httplog.connect.clickhouse;

import org.apache.kafka.common.config.ConfigException;

/**
 * Makes the task's {@link BatchSealer} and proves its codec works here before any record is taken:
 * ZSTD needs {@code zstd-jni} (in every Kafka installation's {@code libs/}) and its native library
 * for this platform; without them the task fails at start with a message saying so, not later.
 */
final class CodecCheck {

    private CodecCheck() {
    }

    static BatchSealer sealer(ClickHouseSinkConfig config) {
        BatchSealer sealer;
        try {
            sealer = new BatchSealer(config.format(), config.compression(), config.compressionLevel(),
                    config.rowOrder());
            sealer.compress(new byte[] {1, 2, 3});
        } catch (LinkageError e) {
            throw new ConfigException(ClickHouseSinkConfig.COMPRESSION_CONFIG, config.compression().name(),
                    "Cannot compress here (" + e + "): ZSTD needs zstd-jni and its native library for this platform "
                            + "on the worker's classpath (Kafka's libs/ has it); use GZIP otherwise");
        }
        return sealer;
    }
}
