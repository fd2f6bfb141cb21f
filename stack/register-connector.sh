#!/usr/bin/env bash
# stack/register-connector.sh <connector.json>
# Creates the connector described by a {"name": ..., "config": {...}} file on the worker at
# http://127.0.0.1:$CONNECT_PORT, or, when it exists already, PUTs the file's "config" to
# /connectors/<name>/config (idempotent). Then waits up to REGISTER_WAIT_S seconds (default
# 60; 0 = don't wait) for the connector and its tasks to be RUNNING and prints the status.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

file="${1:-}"
[[ -n "$file" && -f "$file" ]] || die "usage: stack/register-connector.sh <connector.json> (file '${file}' not found)"
: "${REGISTER_WAIT_S:=60}"
url="http://127.0.0.1:$CONNECT_PORT"

name="$(jq -er '.name | strings' "$file")" || die "$file: no string field \"name\""
config="$(jq -ec '.config | objects' "$file")" || die "$file: no object field \"config\""
[[ "$(http_code "$url/")" == 200 ]] || die "Kafka Connect does not answer at $url (stack/start.sh connect)"

body="$(mktemp)"
trap 'rm -f "$body"' EXIT

# request METHOD PATH [JSON]: prints the HTTP status; the response body is left in $body
request() {
  local args=(-s -o "$body" -w '%{http_code}' -m 60 -X "$1" "$url$2")
  [[ -n "${3:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" || true
}

# A distributed worker answers 409 during a rebalance and may forward to the leader: retry.
for _ in $(seq 10); do
  code="$(request GET "/connectors/$name")"
  case "$code" in
    200) code="$(request PUT "/connectors/$name/config" "$config")"; action="updated" ;;
    404) code="$(request POST /connectors "$(jq -c '{name, config}' "$file")")"; action="created" ;;
  esac
  case "$code" in
    200 | 201) break ;;
    409 | 500 | 503 | 000) warn "HTTP $code from $url ($(head -c 300 "$body")), retrying"; sleep 2 ;;
    *) break ;;
  esac
done
if [[ "$code" != 200 && "$code" != 201 ]]; then
  jq . "$body" >&2 2>/dev/null || cat "$body" >&2
  die "registering connector '$name' from $file failed: HTTP $code"
fi
info "connector '$name' $action (HTTP $code)"

((REGISTER_WAIT_S > 0)) || exit 0
deadline=$((SECONDS + REGISTER_WAIT_S))
while :; do
  code="$(request GET "/connectors/$name/status")"
  if [[ "$code" == 200 ]]; then
    states="$(jq -r '[.connector.state] + [.tasks[].state] | join(" ")' "$body")"
    ntasks="$(jq '.tasks | length' "$body")"
    if [[ " $states " == *" FAILED "* ]]; then
      jq . "$body" >&2
      die "connector '$name' FAILED (trace above; worker log: $LOGS_DIR/connect.log)"
    fi
    if ((ntasks > 0)) && [[ -z "$(tr -d ' ' <<<"${states//RUNNING/}")" ]]; then
      info "connector '$name' and its $ntasks task(s) are RUNNING"
      jq -c . "$body"
      exit 0
    fi
  fi
  if ((SECONDS >= deadline)); then
    cat "$body" >&2; echo >&2
    die "connector '$name' not RUNNING after ${REGISTER_WAIT_S}s (worker log: $LOGS_DIR/connect.log)"
  fi
  sleep 1
done
