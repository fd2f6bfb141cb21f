-- Retention on ClickHouse versions with TTL (19.6 and later): raw rows 31 days, the
-- any-combination totals 92 days (nearly as many rows as http_log, see docs/traffic-totals.md),
-- the small rollups 400 days.
-- stack/start.sh applies this file only when the server has TTL. ClickHouse 18.16 has none: there
-- old partitions are dropped by stack/clickhouse-retention.sh with the same figures.
ALTER TABLE http_log MODIFY TTL timestamp + INTERVAL 31 DAY;

ALTER TABLE http_log_totals MODIFY TTL minute + INTERVAL 92 DAY;

ALTER TABLE http_log_totals_status MODIFY TTL minute + INTERVAL 400 DAY;

ALTER TABLE http_log_totals_resource MODIFY TTL hour + INTERVAL 400 DAY;

ALTER TABLE http_log_totals_network MODIFY TTL hour + INTERVAL 400 DAY;
