package org.httplog.producer;

import java.util.SplittableRandom;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.HttpLogRecordSchema;

/**
 * Makes plausible CDN access-log records, deterministically for a seed. The model (documented with
 * its figures in {@code docs/synthetic-traffic.md}, because how densely the sink packs rows depends on
 * the data):
 * <ul>
 *   <li>a catalogue of {@value #RESOURCES} resources (images, scripts and styles, pages, video
 *       segments, fonts, API endpoints), each with a fixed URL, kind and size; their popularity
 *       follows a power law (Zipf, exponent 1);</li>
 *   <li>a pool of {@value #CLIENTS} clients whose activity also follows a power law (repeat
 *       visitors), spread over {@value #IPV4_NETWORKS} IPv4 /24 networks and {@value #IPV6_NETWORKS}
 *       IPv6 /48 prefixes, {@value #IPV6_PERCENT}% of them IPv6;</li>
 *   <li>status, cache and method mixes that depend on the kind of resource; bytes sent from the
 *       resource's size, its response headers and the status; latencies log-normal, slower on a
 *       cache miss.</li>
 * </ul>
 * Not thread-safe.
 */
public final class SyntheticTraffic {

    static final int RESOURCES = 100_000;
    static final int CLIENTS = 50_000;
    static final int IPV4_NETWORKS = 12_000;
    static final int IPV6_NETWORKS = 3_000;
    static final int IPV6_PERCENT = 20;

    private final SplittableRandom random;
    private final ResourceCatalogue catalogue;

    public SyntheticTraffic(long seed) {
        this.random = new SplittableRandom(seed);
        this.catalogue = new ResourceCatalogue(RESOURCES, seed);
    }

    /** The next request's record, stamped with the given time. */
    public Struct next(long timestampEpochMilli) {
        Resource resource = catalogue.byRank(zipfRank(RESOURCES));
        int client = zipfRank(CLIENTS);
        Kind kind = resource.kind();
        String method = kind.method(random);
        int status = kind.status(random, method);
        String cache = kind.cacheStatus(random, status);
        String url = resource.url() + kind.query(random, client);
        return new Struct(HttpLogRecordSchema.SCHEMA)
                .put(HttpLogRecordSchema.TIMESTAMP_EPOCH_MILLI, timestampEpochMilli)
                .put(HttpLogRecordSchema.RESOURCE_ID, resource.id())
                .put(HttpLogRecordSchema.BYTES_SENT, bytesSent(resource, method, status))
                .put(HttpLogRecordSchema.REQUEST_TIME_MILLI, requestTime(resource, cache, status))
                .put(HttpLogRecordSchema.RESPONSE_STATUS, status)
                .put(HttpLogRecordSchema.CACHE_STATUS, cache)
                .put(HttpLogRecordSchema.METHOD, method)
                .put(HttpLogRecordSchema.REMOTE_ADDR, ClientAddresses.of(client))
                .put(HttpLogRecordSchema.URL, url);
    }

    /** A rank in 1..n with P(rank = k) proportional to 1/k (Zipf, exponent 1). */
    private int zipfRank(int n) {
        return (int) Math.min(n, Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1.0))));
    }

    private long bytesSent(Resource resource, String method, int status) {
        long headers = resource.headerBytes() + random.nextInt(4);
        if ("HEAD".equals(method) || status == 304 || status == 301 || status == 302) {
            return headers;
        }
        if (status == 206) {
            long chunk = Math.min(resource.size(), 1L << (18 + random.nextInt(3)));
            return headers + chunk;
        }
        if (status >= 400) {
            return headers + 150 + status % 100 * 7; // the same error page each time
        }
        long body = resource.kind().dynamic() ? Math.round(resource.size() * Math.exp(random.nextGaussian() * 0.5))
                : resource.size();
        return headers + body;
    }

    private long requestTime(Resource resource, String cache, int status) {
        double median;
        if (status >= 500) {
            median = 2_000;
        } else if ("HIT".equals(cache) || status == 304) {
            median = 2 + resource.size() / 2_000_000.0;
        } else {
            median = 45 + resource.size() / 250_000.0;
        }
        return Math.max(0, Math.round(median * Math.exp(random.nextGaussian() * 0.8)));
    }
}
