-- The table the sink writes: exactly the columns of the assignment.
-- Works on ClickHouse 18.16 (with allow_experimental_low_cardinality_type=1 in the
-- profile that runs the CREATE) and on current ClickHouse.
CREATE TABLE IF NOT EXISTS http_log
(
    timestamp          DateTime,
    resource_id        UInt64,
    bytes_sent         UInt64,
    request_time_milli UInt64,
    response_status    UInt16,
    cache_status       LowCardinality(String),
    method             LowCardinality(String),
    remote_addr        String,
    url                String
)
ENGINE = MergeTree()
PARTITION BY toYYYYMMDD(timestamp)
ORDER BY (resource_id, response_status, cache_status, timestamp)
