package org.httplog.producer;

import java.util.SplittableRandom;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Makes plausible {@code HttpLogRecord}s: a few popular resources and a long tail, a pool of
 * repeat clients (IPv4 mostly, some IPv6), the usual status, cache and method mixes. Deterministic
 * for a given seed. Not thread-safe.
 */
final class SyntheticTraffic {

    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT"};
    private static final String[] CACHE = {"HIT", "HIT", "HIT", "HIT", "HIT", "HIT", "MISS", "MISS", "EXPIRED", "BYPASS"};
    private static final int[] STATUS = {200, 200, 200, 200, 200, 200, 200, 200, 206, 301, 304, 304, 404, 403, 500, 503};
    private static final String[] EXTENSIONS = {".jpg", ".png", ".js", ".css", ".mp4", ".html", ".woff2"};
    private static final int RESOURCES = 10_000;
    private static final int CLIENTS = 5_000;

    private final SplittableRandom random;

    SyntheticTraffic(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Struct next(long timestampEpochMilli) {
        long resourceId = zipfLike(RESOURCES);
        int client = (int) zipfLike(CLIENTS);
        return new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, timestampEpochMilli)
                .put(HttpLogRecordSchema.RESOURCE_ID, resourceId)
                .put(HttpLogRecordSchema.BYTES_SENT, (long) (200 + random.nextInt(20) * random.nextInt(100_000)))
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, (long) (1 + random.nextInt(50) * (1 + random.nextInt(20))))
                .put(HttpLogRecordSchema.RESPONSE_STATUS, STATUS[random.nextInt(STATUS.length)])
                .put(HttpLogRecordSchema.CACHE_STATUS, CACHE[random.nextInt(CACHE.length)])
                .put(HttpLogRecordSchema.METHOD, METHODS[random.nextInt(METHODS.length)])
                .put(HttpLogRecordSchema.REMOTE_ADDR, clientAddress(client))
                .put(HttpLogRecordSchema.URL, "https://cdn.example.com/assets/" + resourceId
                        + EXTENSIONS[(int) (resourceId % EXTENSIONS.length)]);
    }

    /** An id in 1..n, small ids far more likely (roughly 1/rank). */
    private long zipfLike(int n) {
        return (long) Math.floor(Math.pow(n, random.nextDouble()));
    }

    private static String clientAddress(int client) {
        if (client % 10 == 0) {
            return "2001:db8:" + Integer.toHexString(client) + "::" + Integer.toHexString(client * 7 % 65536);
        }
        int hash = client * 0x9E3779B1;
        return (hash >>> 24 & 0xFF | 1) + "." + (hash >>> 16 & 0xFF) + "." + (hash >>> 8 & 0xFF) + "."
                + (hash & 0xFF);
    }
}
