#!/usr/bin/env bash
# stack/clickhouse-retention.sh [--dry-run]
# Retention for ClickHouse versions without TTL (18.16, our local stack): drops the partitions of
# http_log older than RAW_RETENTION_DAYS (default 31), and the monthly partitions of the totals
# tables that lie wholly before their retention: http_log_totals FULL_TOTALS_RETENTION_DAYS
# (default 92), the rollups http_log_totals_{status,resource,network} TOTALS_RETENTION_DAYS (400). The same figures
# as schema/clickhouse/ttl/http_log_ttl.sql, which newer versions apply as TTL. Run it daily
# (cron). Talks to ClickHouse directly on CLICKHOUSE_HTTP_PORT (database CLICKHOUSE_DATABASE,
# default "default"), never through the proxy. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${RAW_RETENTION_DAYS:=31}"
: "${FULL_TOTALS_RETENTION_DAYS:=92}"
: "${TOTALS_RETENTION_DAYS:=400}"
: "${CLICKHOUSE_DATABASE:=default}"
dry_run=0
[[ "${1:-}" == --dry-run ]] && dry_run=1

ch() {
  curl -sS --fail-with-body -m 120 --data-binary "$1" \
    "http://127.0.0.1:$CLICKHOUSE_HTTP_PORT/?database=$CLICKHOUSE_DATABASE"
}

# expired TABLE CUTOFF-EXPRESSION: partition ids of TABLE's active parts below the cutoff
expired() {
  ch "SELECT DISTINCT partition FROM system.parts WHERE active AND database = '$CLICKHOUSE_DATABASE'
      AND table = '$1' AND toUInt32(partition) < $2 ORDER BY partition FORMAT TSV"
}

drop_expired() {
  local table="$1" cutoff="$2" p n=0
  while IFS= read -r p; do
    [[ -z "$p" ]] && continue
    if ((dry_run)); then info "would drop $table partition $p"; else
      ch "ALTER TABLE $table DROP PARTITION $p" >/dev/null
      info "dropped $table partition $p"
    fi
    n=$((n + 1))
  done < <(expired "$table" "$cutoff")
  info "$table: $n expired partition(s)"
}

drop_expired http_log "toYYYYMMDD(today() - $RAW_RETENTION_DAYS)"
drop_expired http_log_totals "toYYYYMM(today() - $FULL_TOTALS_RETENTION_DAYS)"
for t in http_log_totals_status http_log_totals_resource http_log_totals_network; do
  drop_expired "$t" "toYYYYMM(today() - $TOTALS_RETENTION_DAYS)"
done
