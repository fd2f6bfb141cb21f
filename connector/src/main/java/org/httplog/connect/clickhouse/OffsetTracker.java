package org.httplog.connect.clickhouse;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are safe to commit: for each partition, everything before its first pending row, or
 * everything the task has seen when nothing of it is pending. A record counts as done when it is
 * stored in ClickHouse, reported to the dead-letter queue, or was a tombstone.
 */
final class OffsetTracker {

    private final Map<TopicPartition, Long> nextOffsetSeen = new HashMap<>();

    void seen(TopicPartition partition, long offset) {
        nextOffsetSeen.merge(partition, offset + 1, Math::max);
    }

    void forget(Collection<TopicPartition> partitions) {
        nextOffsetSeen.keySet().removeAll(partitions);
    }

    /** The offsets to commit, keyed by the records' original topic and partition. */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, Long> firstPendingOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsetSeen.forEach((partition, next) ->
                offsets.put(partition, new OffsetAndMetadata(firstPendingOffsets.getOrDefault(partition, next))));
        return offsets;
    }
}
