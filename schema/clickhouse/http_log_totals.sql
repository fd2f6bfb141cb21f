-- Ready-made traffic totals for ANY combination of resource, HTTP status, cache status and
-- (already anonymised) client address, per minute: requests, bytes sent and the sum of the
-- request times in ms (divided by requests: the mean).
-- A materialized view fills it from every insert into http_log. SummingMergeTree adds up rows
-- with the same key when parts merge, so queries must still sum (sum(requests), never requests).
-- With many distinct resources and clients this table is nearly as long as http_log itself (see
-- docs/traffic-totals.md): the charts read the smaller rollups http_log_totals_status,
-- _resource and _network, and this table serves drill-downs. Its key starts with resource_id,
-- so one resource over any time range reads only that resource's rows.
-- Latency percentiles cannot be summed: charts take them from http_log.
-- Works on ClickHouse 18.16 and current versions. Retention: schema/clickhouse/ttl/.
CREATE TABLE IF NOT EXISTS http_log_totals
(
    minute             DateTime,
    resource_id        UInt64,
    response_status    UInt16,
    cache_status       LowCardinality(String),
    remote_addr        String,
    requests           UInt64,
    bytes              UInt64,
    request_time_ms    UInt64
)
ENGINE = SummingMergeTree((requests, bytes, request_time_ms))
PARTITION BY toYYYYMM(minute)
ORDER BY (resource_id, minute, response_status, cache_status, remote_addr);

CREATE MATERIALIZED VIEW IF NOT EXISTS http_log_totals_mv TO http_log_totals AS
SELECT
    toStartOfMinute(timestamp) AS minute,
    resource_id,
    response_status,
    cache_status,
    remote_addr,
    count()                    AS requests,
    sum(bytes_sent)            AS bytes,
    sum(request_time_milli)    AS request_time_ms
FROM http_log
GROUP BY minute, resource_id, response_status, cache_status, remote_addr;
