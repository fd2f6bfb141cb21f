#!/usr/bin/env bash
# stack/producer.sh start|stop|status
# Runs the synthetic HTTP-log producer in the background:
#   java -cp <producer jar> org.httplog.producer.SyntheticProducer \
#        --bootstrap-servers localhost:$KAFKA_PORT --topic $TOPIC --rate <records/s> $PRODUCER_ARGS
# jar: $PRODUCER_JAR, else <repo>/producer/target/httplog-producer-*-all.jar (shaded, with
# kafka-clients inside). Rate: $PRODUCER_RATE records/s (default 200), or 1000/$KAFKA_PRODUCER_DELAY_MS
# when that is set
# (decimals allowed: 2000 ms -> 0.5). Output: $STACK_HOME/logs/producer.log; PID: $STACK_HOME/pids/producer.pid.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

producer_jar() {
  if [[ -n "${PRODUCER_JAR:-}" ]]; then
    [[ -f "$PRODUCER_JAR" ]] && realpath "$PRODUCER_JAR"
    return
  fi
  ls -t "$REPO_ROOT"/producer/target/httplog-producer-*-all.jar 2>/dev/null | head -n 1 | grep .
}

producer_rate() {
  if [[ -n "${KAFKA_PRODUCER_DELAY_MS:-}" ]]; then
    [[ "$KAFKA_PRODUCER_DELAY_MS" =~ ^[0-9]+$ && "$KAFKA_PRODUCER_DELAY_MS" -gt 0 ]] ||
      die "KAFKA_PRODUCER_DELAY_MS must be a positive integer (got '$KAFKA_PRODUCER_DELAY_MS')"
    awk -v d="$KAFKA_PRODUCER_DELAY_MS" 'BEGIN { printf "%g", 1000 / d }'   # --rate takes decimals
  else
    printf '%s' "${PRODUCER_RATE:-200}"
  fi
}

start() {
  local pid jar rate
  if pid="$(service_pid producer)"; then
    info "producer: already running (pid $pid)"
    return 0
  fi
  jar="$(producer_jar)" ||
    die "producer: no jar (PRODUCER_JAR='${PRODUCER_JAR:-}', or $REPO_ROOT/producer/target/httplog-producer-*-all.jar): build it with 'mvn -DskipTests package'"
  port_open "$KAFKA_PORT" || die "producer: Kafka does not answer on port $KAFKA_PORT (stack/start.sh kafka)"
  rate="$(producer_rate)"
  # shellcheck disable=SC2086  # PRODUCER_JVM_OPTS / PRODUCER_ARGS are word lists
  launch producer "$LOGS_DIR/producer.log" "$JAVA" ${PRODUCER_JVM_OPTS:--Xmx256m} \
    "-Dstack.home=$STACK_HOME/" -cp "$jar" org.httplog.producer.SyntheticProducer \
    --bootstrap-servers "localhost:$KAFKA_PORT" --topic "$TOPIC" --rate "$rate" ${PRODUCER_ARGS:-}
  sleep 2
  if ! pid="$(service_pid producer)"; then
    LOG_TAIL_LINES=30 show_logs producer
    die "producer: exited right after start (log above: $LOGS_DIR/producer.log)"
  fi
  info "producer: running (pid $pid, $rate records/s to topic $TOPIC, log $LOGS_DIR/producer.log)"
}

case "${1:-}" in
  start) start ;;
  stop) stop_service producer ;;
  status) if pid="$(service_pid producer)"; then echo "producer: running (pid $pid)"; else echo "producer: stopped"; exit 1; fi ;;
  *) die "usage: stack/producer.sh start|stop|status" ;;
esac
