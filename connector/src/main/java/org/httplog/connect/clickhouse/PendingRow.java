package org.httplog.connect.clickhouse;

import org.apache.kafka.common.TopicPartition;

/**
 * One encoded row waiting to be inserted, with the coordinates of the Kafka record it came from
 * (the record's original topic, partition and offset, before any transform) and when the task
 * received it.
 */
record PendingRow(TopicPartition partition, long offset, byte[] encoded, long receivedAtMillis) {
}
