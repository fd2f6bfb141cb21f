package org.httplog.it;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Known records and the rows ClickHouse must hold for them. The expectations are written out
 * here, independently of the plugin's code.
 */
final class TestTraffic {

    /** A client address as the edge server wrote it, and what must be stored instead. */
    record Address(String raw, String stored) {
    }

    static final List<Address> ADDRESSES = List.of(
            new Address("1.2.3.4", "1.2.3.X"),
            new Address("10.20.30.40", "10.20.30.X"),
            new Address("255.255.255.255", "255.255.255.X"),
            new Address("0.0.0.0", "0.0.0.X"),
            new Address(" 192.168.1.77 ", "192.168.1.X"),
            new Address("2001:db8::1", "2001:db8:0:X:X:X:X:X"),
            new Address("2001:0DB8:85A3::8A2E:370:7334", "2001:db8:85a3:X:X:X:X:X"),
            new Address("::ffff:1.2.3.4", "1.2.3.X"),
            new Address("::FFFF:102:304", "1.2.3.X"),
            new Address("1.2.3.4:8080", "1.2.3.X"),
            new Address("[2001:db8::1]:443", "2001:db8:0:X:X:X:X:X"),
            new Address("fe80::1%eth0", "fe80:0:0:X:X:X:X:X"),
            new Address("203.0.113.9, 10.0.0.1,unknown", "203.0.113.X, 10.0.0.X, redacted"),
            new Address("localhost", "redacted"),
            new Address("1.2.3", "redacted"),
            new Address("0177.0.0.1", "redacted"),
            new Address("16909060", "redacted"),
            new Address("", "redacted"));

    static final long BASE_MILLIS = 1_764_000_000_000L;
    static final String[] METHODS = {"GET", "POST", "HEAD"};
    static final String[] CACHE = {"HIT", "MISS", "EXPIRED"};

    /** One row as read back with {@link #SELECT}. */
    record Row(long timestamp, String resourceId, long bytesSent, long requestTimeMilli, int responseStatus,
               String cacheStatus, String method, String remoteAddr, String url) {
    }

    /** Reads a table's rows in the order of {@code bytes_sent}, which the tests make unique. */
    static final String SELECT = "SELECT toUInt32(timestamp) AS timestamp, toString(resource_id) AS resource_id, "
            + "bytes_sent, request_time_milli, response_status, cache_status, method, remote_addr, url FROM %s "
            + "ORDER BY bytes_sent FORMAT JSONEachRow";

    private TestTraffic() {
    }

    /** {@code count} records whose {@code bytesSent} is {@code firstSequence}, {@code firstSequence + 1}, ... */
    static List<Struct> records(int firstSequence, int count) {
        List<Struct> records = new ArrayList<>(count);
        for (int i = firstSequence; i < firstSequence + count; i++) {
            records.add(new Struct(HttpLogRecordSchema.SCHEMA)
                    .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, BASE_MILLIS + i * 1_234L)
                    .put(HttpLogRecordSchema.RESOURCE_ID, i == firstSequence ? -1L : 1_000L + i % 17)
                    .put(HttpLogRecordSchema.BYTES_SENT, (long) i)
                    .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, (long) (i * 7 % 1000))
                    .put(HttpLogRecordSchema.RESPONSE_STATUS, i % 11 == 0 ? 65535 : 200 + i % 5)
                    .put(HttpLogRecordSchema.CACHE_STATUS, CACHE[i % CACHE.length])
                    .put(HttpLogRecordSchema.METHOD, METHODS[i % METHODS.length])
                    .put(HttpLogRecordSchema.REMOTE_ADDR, ADDRESSES.get(i % ADDRESSES.size()).raw())
                    .put(HttpLogRecordSchema.URL, "https://cdn.example.com/ünï/€/" + i + "?q=\"x\""));
        }
        return records;
    }

    /** The row ClickHouse must hold for a record made by {@link #records}. */
    static Row expectedRow(Struct record) {
        int sequence = (int) (long) record.getInt64(HttpLogRecordSchema.BYTES_SENT);
        return new Row(
                record.getInt64(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI) / 1000,
                Long.toUnsignedString(record.getInt64(HttpLogRecordSchema.RESOURCE_ID)),
                record.getInt64(HttpLogRecordSchema.BYTES_SENT),
                record.getInt64(HttpLogRecordSchema.REQUEST_TIME_MILLI),
                record.getInt32(HttpLogRecordSchema.RESPONSE_STATUS),
                record.getString(HttpLogRecordSchema.CACHE_STATUS),
                record.getString(HttpLogRecordSchema.METHOD),
                ADDRESSES.get(sequence % ADDRESSES.size()).stored(),
                record.getString(HttpLogRecordSchema.URL));
    }
}
