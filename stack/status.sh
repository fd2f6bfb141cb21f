#!/usr/bin/env bash
# stack/status.sh: which services of $STACK_HOME run, their ports and where their logs are.
# Exit status 0 when all of clickhouse proxy kafka connect prometheus run (prometheus only
# when PROMETHEUS_PORT is set).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

declare -A PORTS=(
  [clickhouse]="http $CLICKHOUSE_HTTP_PORT, tcp ${CLICKHOUSE_TCP_PORT:-off}"
  [proxy]="$PROXY_PORT ($PROXY_RATE), fast $FAST_PROXY_PORT ($FAST_PROXY_RATE)"
  [kafka]="$KAFKA_PORT, controller $KAFKA_CONTROLLER_PORT, metrics ${KAFKA_METRICS_PORT:-off}"
  [connect]="rest $CONNECT_PORT, jmx ${JMX_PORT:-off}, metrics ${CONNECT_METRICS_PORT:-off}"
  [prometheus]="${PROMETHEUS_PORT:-off} (scrapes connect ${CONNECT_METRICS_PORT:-off}, kafka ${KAFKA_METRICS_PORT:-off})"
  [producer]="topic $TOPIC"
)
echo "STACK_HOME=$STACK_HOME"
rc=0
for s in "${ALL_SERVICES[@]}" producer; do
  if pid="$(service_pid "$s")"; then state="running (pid $pid)"; else
    state="stopped"
    [[ "$s" == producer ]] || { [[ "$s" == prometheus ]] && ! enabled_port "$PROMETHEUS_PORT"; } || rc=1
  fi
  printf '  %-10s %-20s %s\n' "$s" "$state" "${PORTS[$s]}"
done
echo "logs: $LOGS_DIR"
echo "proxy access logs: $STACK_HOME/nginx/access.log $STACK_HOME/nginx/access-fast.log"
exit "$rc"
