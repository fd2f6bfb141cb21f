-- Rollup of the traffic totals per minute by HTTP status and cache status only (all resources
-- and clients together): a few dozen rows per minute. The overview charts read it (traffic by
-- status over time, cache hit ratio, status and cache mix). Filled by its own materialized view
-- from http_log. Sum the measures when querying (SummingMergeTree).
CREATE TABLE IF NOT EXISTS http_log_totals_status
(
    minute             DateTime,
    response_status    UInt16,
    cache_status       LowCardinality(String),
    requests           UInt64,
    bytes              UInt64,
    request_time_ms    UInt64
)
ENGINE = SummingMergeTree((requests, bytes, request_time_ms))
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, response_status, cache_status);

CREATE MATERIALIZED VIEW IF NOT EXISTS http_log_totals_status_mv TO http_log_totals_status AS
SELECT
    toStartOfMinute(timestamp) AS minute,
    response_status,
    cache_status,
    count()                    AS requests,
    sum(bytes_sent)            AS bytes,
    sum(request_time_milli)    AS request_time_ms
FROM http_log
GROUP BY minute, response_status, cache_status;
