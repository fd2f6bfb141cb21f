package org.httplog.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.junit.jupiter.api.Test;

class SyntheticTrafficTest {

    private static final int SAMPLE = 200_000;

    @Test
    void isDeterministicForASeed() {
        SyntheticTraffic a = new SyntheticTraffic(42);
        SyntheticTraffic b = new SyntheticTraffic(42);
        for (int i = 0; i < 1000; i++) {
            Struct record = a.next(1_700_000_000_000L + i);
            record.validate();
            assertEquals(record, b.next(1_700_000_000_000L + i));
        }
    }

    @Test
    void followsTheDocumentedMixes() {
        SyntheticTraffic traffic = new SyntheticTraffic(7);
        Map<Long, Integer> perResource = new HashMap<>();
        Map<String, Integer> perClient = new HashMap<>();
        Map<String, String> urlOfResource = new HashMap<>();
        int ok = 0;
        int hits = 0;
        int ipv6 = 0;
        for (int i = 0; i < SAMPLE; i++) {
            Struct record = traffic.next(1_700_000_000_000L + i);
            long resource = record.getInt64(HttpLogRecordSchema.RESOURCE_ID);
            assertTrue(resource >= 1 && resource <= 40_000_000, "resource id " + resource);
            perResource.merge(resource, 1, Integer::sum);
            String address = record.getString(HttpLogRecordSchema.REMOTE_ADDR);
            perClient.merge(address, 1, Integer::sum);
            ipv6 += address.contains(":") ? 1 : 0;
            ok += record.getInt32(HttpLogRecordSchema.RESPONSE_STATUS) / 100 == 2 ? 1 : 0;
            hits += "HIT".equals(record.getString(HttpLogRecordSchema.CACHE_STATUS)) ? 1 : 0;
            String url = record.getString(HttpLogRecordSchema.URL);
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String before = urlOfResource.putIfAbsent(Long.toString(resource), path);
            assertTrue(before == null || before.equals(path), "a resource keeps its URL");
        }
        int top = perResource.values().stream().max(Integer::compare).orElseThrow();
        // Zipf over 100,000 resources: the most popular takes ln 2 / ln 100001 = 6% of requests
        assertTrue(top > SAMPLE * 0.05 && top < SAMPLE * 0.07, "top resource share " + top);
        assertTrue(perResource.size() > 20_000, "distinct resources " + perResource.size());
        assertTrue(perClient.size() > 10_000 && perClient.size() < 50_000, "distinct clients " + perClient.size());
        // 20% of clients, but activity is skewed: 13% of requests with seed 1
        assertTrue(ipv6 > SAMPLE * 0.08 && ipv6 < SAMPLE * 0.25, "IPv6 requests " + ipv6);
        assertTrue(ok > SAMPLE * 0.85 && ok < SAMPLE * 0.97, "2xx " + ok);
        assertTrue(hits > SAMPLE * 0.55 && hits < SAMPLE * 0.80, "cache hits " + hits);
    }
}
