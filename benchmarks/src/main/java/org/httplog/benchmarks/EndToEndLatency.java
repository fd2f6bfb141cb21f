package org.httplog.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Produce-to-queryable latency and sustained rate of a running pipeline, seen from ClickHouse: once
 * a second it counts the rows per timestamp second; rows that appeared since the last poll became
 * queryable now, so their latency is now minus their timestamp (whole seconds: the figures are
 * accurate to about one second). Only rows with timestamps inside the measuring period count.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.httplog.benchmarks.EndToEndLatency CLICKHOUSE_URL TABLE WARMUP_S MEASURE_S</pre>
 * (bin/bench-e2e runs it against a pipeline it starts.)
 */
public final class EndToEndLatency {

    private EndToEndLatency() {
    }

    public static void main(String[] args) throws Exception {
        String clickHouse = args[0];
        String table = args[1];
        long warmup = Long.parseLong(args[2]);
        long measure = Long.parseLong(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        long from = System.currentTimeMillis() / 1000 + warmup;
        long to = from + measure;
        Map<Long, Long> seen = new HashMap<>();
        int[] histogram = new int[3600];
        long rows = 0;
        long lastProgress = 0;
        // keep polling after the period until its rows are in, or 5 minutes at most
        while (System.currentTimeMillis() / 1000 < to + 300) {
            long now = System.currentTimeMillis() / 1000;
            String sql = "SELECT toUInt32(timestamp) AS t, count() FROM " + table + " WHERE timestamp >= toDateTime("
                    + from + ") AND timestamp < toDateTime(" + to + ") GROUP BY t FORMAT TSV";
            String body = http.send(HttpRequest.newBuilder(URI.create(clickHouse + "/?query="
                    + URLEncoder.encode(sql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                long second = Long.parseLong(fields[0]);
                long count = Long.parseLong(fields[1]);
                long added = count - seen.getOrDefault(second, 0L);
                if (added > 0) {
                    histogram[(int) Math.min(histogram.length - 1, Math.max(0, now - second))] += (int) added;
                    rows += added;
                    seen.put(second, count);
                    lastProgress = now;
                }
            }
            if (now > to + 5 && now - lastProgress > 130) {
                break; // two windows without new rows: everything of the period is in
            }
            Thread.sleep(1000 - System.currentTimeMillis() % 1000);
        }
        System.out.printf("measured %d s: %,d rows with timestamps in the period, %.0f rows/s stored%n", measure, rows,
                rows / (double) measure);
        System.out.printf("produce-to-queryable latency (s, +/-1): p50 %d, p90 %d, p99 %d, max %d%n",
                percentile(histogram, rows, 0.50), percentile(histogram, rows, 0.90),
                percentile(histogram, rows, 0.99), percentile(histogram, rows, 1.0));
        System.out.println("latency histogram (s: rows): " + Arrays.toString(Arrays.copyOf(histogram, 200))
                .replaceAll("(, 0)+]$", "]"));
    }

    private static int percentile(int[] histogram, long total, double quantile) {
        long wanted = (long) Math.ceil(total * quantile);
        long cumulative = 0;
        for (int i = 0; i < histogram.length; i++) {
            cumulative += histogram[i];
            if (cumulative >= wanted && wanted > 0) {
                return i;
            }
        }
        return -1;
    }
}
