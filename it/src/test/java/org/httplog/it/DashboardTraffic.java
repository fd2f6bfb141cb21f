package org.httplog.it;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Records for the dashboard test: timestamps in the last ten minutes (the dashboards show recent
 * data), a few resources, statuses, cache results and client networks, each URL tagged with the
 * test's id so its rows can be counted in the shared table {@code http_log}.
 */
final class DashboardTraffic {

    private static final int[] STATUS = {200, 200, 200, 206, 304, 404, 500};
    private static final String[] CACHE = {"HIT", "HIT", "MISS", "EXPIRED"};
    private static final String[] ADDRESSES = {"198.51.100.7", "203.0.113.20", "192.0.2.1", "2001:db8:1:2::3"};

    private DashboardTraffic() {
    }

    static List<Struct> records(String id, int count, long nowMillis) {
        List<Struct> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new Struct(HttpLogRecordSchema.SCHEMA)
                    .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, nowMillis - (i % 600) * 1000L)
                    .put(HttpLogRecordSchema.RESOURCE_ID, 1L + i % 7)
                    .put(HttpLogRecordSchema.BYTES_SENT, 1_000L + i)
                    .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, 1L + i % 250)
                    .put(HttpLogRecordSchema.RESPONSE_STATUS, STATUS[i % STATUS.length])
                    .put(HttpLogRecordSchema.CACHE_STATUS, CACHE[i % CACHE.length])
                    .put(HttpLogRecordSchema.METHOD, "GET")
                    .put(HttpLogRecordSchema.REMOTE_ADDR, ADDRESSES[i % ADDRESSES.length])
                    .put(HttpLogRecordSchema.URL, "https://cdn.example.com/" + id + "/" + i));
        }
        return records;
    }
}
