#!/bin/sh
# One-shot service of docker-compose.yml: waits for the Connect worker, then POSTs the connector
# config users POST (connect-config/http-log-clickhouse-sink.json) with one change: its
# clickhouse.url names the local stack's proxy (http://localhost:8124), which inside compose is the
# service "proxy". An existing connector (409: the worker keeps configs in Kafka) is left alone.
set -eu
file=/connect-config/http-log-clickhouse-sink.json
worker=http://connect:8083
until curl -sf "$worker/connectors" >/dev/null; do echo "waiting for $worker"; sleep 3; done
sed 's#"clickhouse.url": "http://localhost:8124"#"clickhouse.url": "http://proxy:8124"#' "$file" >/tmp/connector.json
grep -q '"clickhouse.url": "http://proxy:8124"' /tmp/connector.json || { echo "clickhouse.url not rewritten"; exit 1; }
code=$(curl -s -o /tmp/answer -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data @/tmp/connector.json "$worker/connectors")
cat /tmp/answer; echo
case "$code" in
  201) echo "connector created" ;;
  409) echo "connector exists already: left as it is" ;;
  *) echo "POST /connectors answered $code"; exit 1 ;;
esac
