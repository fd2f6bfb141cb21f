-- Ready-made traffic totals: requests, bytes and summed request time per minute for every
-- combination of resource, HTTP status, cache status and (already anonymised) client address.
-- A materialized view fills it from every insert into http_log. SummingMergeTree adds up rows
-- with the same key when parts merge, so a query still sums (sum(requests), never requests).
-- Latency percentiles cannot be summed: charts take them from http_log.
-- Works on ClickHouse 18.16 and current versions. Retention: see docs/traffic-totals.md.
CREATE TABLE IF NOT EXISTS http_log_totals
(
    minute             DateTime,
    resource_id        UInt64,
    response_status    UInt16,
    cache_status       LowCardinality(String),
    remote_addr        String,
    requests           UInt64,
    bytes_sent         UInt64,
    request_time_milli UInt64
)
ENGINE = SummingMergeTree((requests, bytes_sent, request_time_milli))
PARTITION BY toYYYYMM(minute)
ORDER BY (toStartOfHour(minute), resource_id, response_status, cache_status, remote_addr, minute);

CREATE MATERIALIZED VIEW IF NOT EXISTS http_log_totals_mv TO http_log_totals AS
SELECT
    toStartOfMinute(timestamp) AS minute,
    resource_id,
    response_status,
    cache_status,
    remote_addr,
    count()                    AS requests,
    sum(bytes_sent)            AS bytes_sent,
    sum(request_time_milli)    AS request_time_milli
FROM http_log
GROUP BY minute, resource_id, response_status, cache_status, remote_addr;
