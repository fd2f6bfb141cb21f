package org.httplog.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands what Grafana expands before a query reaches its data source, as documented for the
 * ClickHouse plugin (grafana-clickhouse-datasource) and for Prometheus, so a dashboard's queries can
 * run without Grafana. Only the macros our dashboards may use are known: anything else that
 * starts with {@code $} is an error, so a dashboard that needs an unsupported macro fails the tests.
 * {@code $__timeInterval} and {@code $__timeFilter_ms} are deliberately unknown: they expand to
 * functions ClickHouse 18.16 lacks (toStartOfInterval, fromUnixTimestamp64Milli).
 */
final class GrafanaMacros {

    /** A dashboard's time range and the panel's interval (Grafana's $__interval). */
    record Context(Instant from, Instant to, Duration interval, Duration scrapeInterval, Map<String, String> variables) {
    }

    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Grafana draws at most this many points per panel; the interval grows with the range. */
    static final int MAX_DATA_POINTS = 1000;

    private GrafanaMacros() {
    }

    /** The panel interval Grafana would use: range / max data points, at least the panel's minimum. */
    static Duration interval(Instant from, Instant to, Duration panelMinimum, Duration scrapeInterval) {
        long seconds = (long) Math.ceil(Duration.between(from, to).toSeconds() / (double) MAX_DATA_POINTS);
        long minimum = Math.max(panelMinimum.toSeconds(), scrapeInterval.toSeconds());
        return Duration.ofSeconds(Math.max(Math.max(seconds, minimum), 1));
    }

    static String clickHouse(String sql, Context context) {
        String from = "toDateTime(" + context.from().getEpochSecond() + ")";
        String to = "toDateTime(" + context.to().getEpochSecond() + ")";
        String expanded = TIME_FILTER.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + " >= " + from + " AND " + m.group(1) + " <= " + to));
        expanded = expanded.replace("$__fromTime", from).replace("$__toTime", to)
                .replace("$__interval_s", Long.toString(context.interval().toSeconds()));
        return variables(expanded, context.variables());
    }

    static String prometheus(String expr, Context context) {
        long interval = context.interval().toSeconds();
        long scrape = context.scrapeInterval().toSeconds();
        // Grafana: $__rate_interval = max($__interval + scrape interval, 4 * scrape interval)
        long rateInterval = Math.max(interval + scrape, 4 * scrape);
        String expanded = expr.replace("$__rate_interval", rateInterval + "s")
                .replace("$__range", Duration.between(context.from(), context.to()).toSeconds() + "s")
                .replace("$__interval", interval + "s");
        return variables(expanded, context.variables());
    }

    private static String variables(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Unknown macro or variable $" + name + " in: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
