-- Rollup of the traffic totals per hour and client network (the anonymised remote_addr, e.g.
-- 1.2.3.X): top-network charts, and one network over time (its key starts with remote_addr).
-- Cache hits and error responses (status 400 and above) have columns of their own. Filled by its
-- own materialized view from http_log. Sum the measures when querying (SummingMergeTree).
CREATE TABLE IF NOT EXISTS http_log_totals_network
(
    hour               DateTime,
    remote_addr        String,
    requests           UInt64,
    bytes              UInt64,
    request_time_ms    UInt64,
    hit_requests       UInt64,
    hit_bytes          UInt64,
    error_requests     UInt64
)
ENGINE = SummingMergeTree((requests, bytes, request_time_ms, hit_requests, hit_bytes, error_requests))
PARTITION BY toYYYYMM(hour)
ORDER BY (remote_addr, hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS http_log_totals_network_mv TO http_log_totals_network AS
SELECT
    toStartOfHour(timestamp)                   AS hour,
    remote_addr,
    count()                                    AS requests,
    sum(bytes_sent)                            AS bytes,
    sum(request_time_milli)                    AS request_time_ms,
    toUInt64(countIf(cache_status = 'HIT'))    AS hit_requests,
    toUInt64(sumIf(bytes_sent, cache_status = 'HIT')) AS hit_bytes,
    toUInt64(countIf(response_status >= 400))  AS error_requests
FROM http_log
GROUP BY hour, remote_addr;
