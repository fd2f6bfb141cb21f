package org.httplog.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {

    @Test
    void makesValidVariedRecordsDeterministically() {
        SyntheticTraffic a = new SyntheticTraffic(42);
        SyntheticTraffic b = new SyntheticTraffic(42);
        Set<Long> resources = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Struct record = a.next(1_700_000_000_000L + i);
            record.validate();
            assertEquals(record, b.next(1_700_000_000_000L + i));
            long resource = record.getInt64(HttpLogRecordSchema.RESOURCE_ID);
            assertTrue(resource >= 1 && resource <= 10_000, "resource " + resource);
            resources.add(resource);
        }
        assertTrue(resources.size() > 100, "only " + resources.size() + " resources");
    }
}
