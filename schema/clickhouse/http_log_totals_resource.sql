-- Rollup of the traffic totals per hour and resource: top-resource charts over days or months.
-- Cache hits and error responses (status 400 and above) are counted in columns of their own, so a
-- resource's hit ratio and error rate need no finer table. Filled by its own materialized view
-- from http_log. Sum the measures when querying (SummingMergeTree).
CREATE TABLE IF NOT EXISTS http_log_totals_resource
(
    hour               DateTime,
    resource_id        UInt64,
    requests           UInt64,
    bytes              UInt64,
    request_time_ms    UInt64,
    hit_requests       UInt64,
    hit_bytes          UInt64,
    error_requests     UInt64
)
ENGINE = SummingMergeTree((requests, bytes, request_time_ms, hit_requests, hit_bytes, error_requests))
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, resource_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS http_log_totals_resource_mv TO http_log_totals_resource AS
SELECT
    toStartOfHour(timestamp)                   AS hour,
    resource_id,
    count()                                    AS requests,
    sum(bytes_sent)                            AS bytes,
    sum(request_time_milli)                    AS request_time_ms,
    toUInt64(countIf(cache_status = 'HIT'))    AS hit_requests,
    toUInt64(sumIf(bytes_sent, cache_status = 'HIT')) AS hit_bytes,
    toUInt64(countIf(response_status >= 400))  AS error_requests
FROM http_log
GROUP BY hour, resource_id;
