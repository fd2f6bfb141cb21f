#!/usr/bin/env bash
# stack/stop.sh [service...]   services: prometheus producer connect kafka proxy clickhouse (default: all)
# Stops services by PID (SIGTERM, then SIGKILL after STOP_TIMEOUT s), in reverse start order,
# and removes their PID files. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

order=(prometheus producer connect kafka proxy clickhouse)
services=("$@")
((${#services[@]})) || services=("${order[@]}")
for s in "${services[@]}"; do
  [[ " ${order[*]} " == *" $s "* ]] || die "unknown service '$s' (services: ${order[*]})"
done
for s in "${order[@]}"; do
  [[ " ${services[*]} " == *" $s "* ]] || continue
  stop_service "$s"
done

# report (never kill) processes that still run with this STACK_HOME in their command line
if (($# == 0)); then
  left="$(stack_processes)"
  if [[ -n "$left" ]]; then
    warn "processes still running with $STACK_HOME/ in their command line (started by hand?):"
    printf '%s\n' "$left" >&2
  fi
fi
