package org.httplog.connect.clickhouse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order of rows within a request. ClickHouse sorts every insert by the table's key anyway, so
 * the order on the wire is free: rows of the same resource, status and cache result side by side
 * repeat each other's URLs and values, which the compressor turns into far fewer bytes
 * (docs/benchmarks.md has the figures).
 */
enum RowOrder {
    /** As received. */
    ARRIVAL(null),
    /** By the table's sort key: resource, status, cache result, then URL and time. */
    TABLE_KEY(Comparator.comparingLong(HttpLogRow::resourceId)
            .thenComparingInt(HttpLogRow::responseStatus)
            .thenComparing(HttpLogRow::cacheStatus)
            .thenComparing(HttpLogRow::url)
            .thenComparingLong(HttpLogRow::timestampSeconds));

    private final Comparator<HttpLogRow> comparator;

    RowOrder(Comparator<HttpLogRow> comparator) {
        this.comparator = comparator;
    }

    /** The indexes of {@code rows} in this order (a stable sort). */
    int[] permutation(List<HttpLogRow> rows) {
        Integer[] indexes = new Integer[rows.size()];
        Arrays.setAll(indexes, i -> i);
        if (comparator != null) {
            Arrays.sort(indexes, (a, b) -> comparator.compare(rows.get(a), rows.get(b)));
        }
        return Arrays.stream(indexes).mapToInt(Integer::intValue).toArray();
    }
}
