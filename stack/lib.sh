# shellcheck shell=bash
# Shared functions of the local stack scripts (sourced, never run).
# Every service runs as a background process of its own with all its state under
# $STACK_HOME; see stack/README.md for the layout and the environment variables.

STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_DIR/.." && pwd)"
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac   # nginx, clickhouse-server

# ---- configuration (environment, with defaults) ------------------------------------
: "${STACK_HOME:=$REPO_ROOT/.stack/dev}"
STACK_HOME="$(realpath -m "$STACK_HOME")"
: "${KAFKA_LIB:=$REPO_ROOT/.stack/kafka-lib}"
KAFKA_LIB="$(realpath -m "$KAFKA_LIB")"

: "${CLICKHOUSE_HTTP_PORT:=8123}"
: "${CLICKHOUSE_TCP_PORT=9000}"          # empty or 0: no native TCP listener
: "${PROXY_PORT:=8124}"
: "${PROXY_RATE:=1r/m}"
: "${FAST_PROXY_PORT:=8125}"
: "${FAST_PROXY_RATE:=6r/m}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${KAFKA_JMX_PORT:=}"                  # empty: no JMX on the broker
: "${CONNECT_PORT:=8083}"
: "${JMX_PORT=9999}"                     # JMX of the Connect worker; empty or 0: off
: "${TOPIC:=http_log}"
: "${TOPIC_PARTITIONS:=3}"
: "${CONNECT_CLUSTER:=httplog-$(basename "$STACK_HOME")}"
: "${KAFKA_HEAP_OPTS:=-Xms256m -Xmx1g}"
: "${CONNECT_HEAP_OPTS:=-Xms256m -Xmx1g}"
: "${CONNECT_METRICS_PORT=9404}"         # JMX exporter agent on the Connect worker (/metrics); empty or 0: off
: "${KAFKA_METRICS_PORT=9405}"           # JMX exporter agent on the broker (/metrics); empty or 0: off
: "${JMX_EXPORTER_JAR:=$REPO_ROOT/prometheus/target/jmx_prometheus_javaagent.jar}"   # built by mvn package
: "${PROMETHEUS_PORT=9090}"              # Prometheus scraping both agents; empty or 0: not started
: "${PROMETHEUS_RETENTION:=7d}"          # --storage.tsdb.retention.time
: "${CONNECT_EXTRA_JVM_OPTS:=}"          # e.g. -javaagent:...jmx_prometheus_javaagent.jar=...
: "${CONNECT_EXTRA_PROPS:=}"             # extra worker.properties lines (key=value, newline separated)
: "${HTTPLOG_LOG_LEVEL:=DEBUG}"
: "${CLICKHOUSE_TIMEZONE:=UTC}"
: "${START_TIMEOUT:=90}"                 # seconds per service
: "${STOP_TIMEOUT:=45}"                  # seconds before SIGKILL
: "${JAVA:=${JAVA_HOME:+$JAVA_HOME/bin/}java}"

export STACK_HOME KAFKA_LIB CLICKHOUSE_HTTP_PORT CLICKHOUSE_TCP_PORT PROXY_PORT FAST_PROXY_PORT \
  KAFKA_PORT KAFKA_CONTROLLER_PORT CONNECT_PORT JMX_PORT TOPIC TOPIC_PARTITIONS \
  CONNECT_METRICS_PORT KAFKA_METRICS_PORT PROMETHEUS_PORT

# shellcheck disable=SC2034  # used by the scripts that source this file
ALL_SERVICES=(clickhouse proxy kafka connect prometheus)   # start order; stop goes in reverse
PIDS_DIR="$STACK_HOME/pids"
LOGS_DIR="$STACK_HOME/logs"
LOG4J_CONFIG="$STACK_DIR/config/log4j2.properties"

# ---- messages ----------------------------------------------------------------------
info() { printf '[stack] %s\n' "$*" >&2; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die()  { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

now() { printf '%s' "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# ---- processes ---------------------------------------------------------------------
pid_file() { printf '%s/%s.pid' "$PIDS_DIR" "$1"; }

# True while PID exists and is not a zombie (our daemons are reparented to PID 1, which may
# reap them late; kill -0 succeeds on a zombie).
proc_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# Prints the PID of a running service, or fails. A PID counts only while the process is
# alive and its command line mentions "$STACK_HOME/" (guards against recycled PIDs).
service_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(<"$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  proc_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$STACK_HOME/" || return 1
  printf '%s' "$pid"
}
is_running() { service_pid "$1" >/dev/null; }

# launch SERVICE OUTFILE CMD...: runs CMD in its own session, in the background, detached
# from the caller's terminal; the process writes its own PID file before exec'ing CMD.
launch() {
  local svc="$1" out="$2"; shift 2
  local f i
  f="$(pid_file "$svc")"
  mkdir -p "$PIDS_DIR" "$LOGS_DIR"
  rm -f "$f"
  printf '\n===== %s starting %s =====\n' "$(date -Is)" "$svc" >>"$out"
  setsid -f bash -c 'echo $$ >"$0"; exec "$@"' "$f" "$@" >>"$out" 2>&1 </dev/null
  for i in $(seq 50); do [[ -s "$f" ]] && return 0; sleep 0.1; done
  die "$svc: no PID file after launch"
}

# stop_service SERVICE: SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL. Idempotent.
stop_service() {
  local svc="$1" pid t0 i
  if ! pid="$(service_pid "$svc")"; then
    rm -f "$(pid_file "$svc")"
    info "$svc: not running"
    return 0
  fi
  t0="$(now)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    proc_alive "$pid" || break
    sleep 0.1
  done
  if proc_alive "$pid"; then
    warn "$svc (pid $pid) still alive after ${STOP_TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$svc")"
  info "$svc: stopped (pid $pid, $(since "$t0") s)"
}

# ---- readiness ---------------------------------------------------------------------
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Dies with a message if a port we are about to listen on is taken.
require_free_ports() {
  local svc="$1" p; shift
  for p in "$@"; do
    [[ -z "$p" || "$p" == 0 ]] && continue
    port_open "$p" && die "$svc: port $p is already in use (another stack or program?); set the port variables, e.g. eval \"\$(bin/stack-test-env)\""
  done
  return 0
}

# Prints the end of a service's logs (for error messages).
show_logs() {
  local svc="$1" f
  for f in "$LOGS_DIR/$svc.log" "$LOGS_DIR/$svc.err.log" "$LOGS_DIR/$svc.out"; do
    [[ -s "$f" ]] || continue
    printf -- '----- tail of %s -----\n' "$f" >&2
    tail -n "${LOG_TAIL_LINES:-40}" "$f" >&2
  done
}

# wait_ready SERVICE CHECK-FUNCTION: polls until the check passes; fails (with the log
# tail) when the process dies or START_TIMEOUT passes.
wait_ready() {
  local svc="$1" check="$2" t0 deadline
  t0="$(now)"
  deadline=$((SECONDS + START_TIMEOUT))
  until "$check"; do
    if ! is_running "$svc"; then
      show_logs "$svc"
      die "$svc: process exited during start-up (logs above, in $LOGS_DIR)"
    fi
    if ((SECONDS >= deadline)); then
      show_logs "$svc"
      die "$svc: not ready after ${START_TIMEOUT}s (logs above, in $LOGS_DIR)"
    fi
    sleep 0.2
  done
  info "$svc: ready in $(since "$t0") s"
}

http_code() { curl -s -o /dev/null -m "${2:-3}" -w '%{http_code}' "$1" 2>/dev/null || true; }

# ---- ClickHouse ---------------------------------------------------------------------
# clickhouse_apply_sql FILE [DATABASE]: POSTs every statement of FILE directly to ClickHouse
# (18.16's HTTP interface takes one statement per request), in DATABASE (default: the server's).
# Statements are split at ';', so comments in the schema files must not contain one.
clickhouse_apply_sql() {
  local f="$1" db="${2:-}" stmt body code n=0
  body="$(mktemp)"
  while IFS= read -r -d '' stmt; do
    # skip chunks that hold only comments and blanks
    [[ -z "$(sed -e 's/--.*$//' <<<"$stmt" | tr -d '[:space:]')" ]] && continue
    code="$(curl -s -o "$body" -w '%{http_code}' -m 60 --data-binary "$stmt" \
      "http://127.0.0.1:$CLICKHOUSE_HTTP_PORT/${db:+?database=$db}" || true)"
    if [[ "$code" != 200 ]]; then
      cat "$body" >&2
      rm -f "$body"
      die "clickhouse: schema file $f failed (HTTP $code) on:$stmt"
    fi
    n=$((n + 1))
  done < <(awk 'BEGIN { RS = ";" } { printf "%s%c", $0, 0 }' "$f")
  rm -f "$body"
  APPLIED_STATEMENTS=$((${APPLIED_STATEMENTS:-0} + n))
}

# ---- Java --------------------------------------------------------------------------
require_kafka_lib() {
  [[ -f "$KAFKA_LIB/.complete" ]] || die "Kafka runtime missing in $KAFKA_LIB: run stack/install.sh"
}

# java_common_opts SERVICE: prints (one per line) the JVM options of a stack JVM.
java_common_opts() {
  local svc="$1"
  printf '%s\n' -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent \
    -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$LOG4J_CONFIG" \
    "-Dstack.home=$STACK_HOME/" "-Dstack.log.dir=$LOGS_DIR" "-Dstack.service=$svc" \
    "-Dhttplog.log.level=$HTTPLOG_LOG_LEVEL"
}

jmx_opts() {
  local port="$1"
  [[ -z "$port" || "$port" == 0 ]] && return 0
  printf '%s\n' -Dcom.sun.management.jmxremote \
    "-Dcom.sun.management.jmxremote.port=$port" "-Dcom.sun.management.jmxremote.rmi.port=$port" \
    -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false \
    -Dcom.sun.management.jmxremote.local.only=false \
    -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1
}

enabled_port() { [[ -n "$1" && "$1" != 0 ]]; }

# metrics_agent_opts PORT RULES: prints the -javaagent option of the Prometheus JMX exporter
# serving /metrics on 127.0.0.1:PORT with the rules file RULES; nothing when PORT is off. A
# missing agent jar (not built yet) is a warning: the JVM then starts without the agent.
metrics_agent_opts() {
  local port="$1" rules="$2"
  enabled_port "$port" || return 0
  if [[ ! -f "$JMX_EXPORTER_JAR" ]]; then
    warn "no JMX exporter agent at $JMX_EXPORTER_JAR (built by 'mvn -DskipTests package'): no metrics on port $port"
    return 0
  fi
  printf '%s\n' "-javaagent:$JMX_EXPORTER_JAR=127.0.0.1:$port:$rules"
}

# kafka_tool CLASS ARGS...: runs a Kafka CLI class (TopicCommand, StorageTool, ...).
kafka_tool() {
  local opts
  mapfile -t opts < <(java_common_opts tools)
  mkdir -p "$LOGS_DIR"
  "$JAVA" -Xmx256m "${opts[@]}" -Dstack.log.level=WARN -cp "$KAFKA_LIB/*" "$@"
}

# ---- plugin jar --------------------------------------------------------------------
# Prints the plugin jar: $PLUGIN_JAR, else the newest
# <repo>/plugin/target/httplog-clickhouse-plugin-*.jar not named original-*. Fails if none.
plugin_jar() {
  if [[ -n "${PLUGIN_JAR:-}" ]]; then
    [[ -f "$PLUGIN_JAR" ]] || return 1
    realpath "$PLUGIN_JAR"
    return 0
  fi
  local jars
  mapfile -t jars < <(ls -t "$REPO_ROOT"/plugin/target/httplog-clickhouse-plugin-*.jar 2>/dev/null |
    grep -v -e '/original-' -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-tests\.jar$' || true)
  ((${#jars[@]})) || return 1
  ((${#jars[@]} == 1)) || warn "several plugin jars in plugin/target, using the newest: ${jars[0]}"
  printf '%s\n' "${jars[0]}"
}

# True when the plugin jar differs from the copy the running worker loaded.
plugin_changed() {
  local jar installed
  jar="$(plugin_jar)" || return 1
  installed="$STACK_HOME/plugins/$(basename "$jar")"
  ! cmp -s "$jar" "$installed"
}

# Lists "PID command" of every process whose command line mentions "$STACK_HOME/".
stack_processes() {
  local p cmd
  for p in /proc/[0-9]*; do
    [[ "${p#/proc/}" == "$$" || "${p#/proc/}" == "$BASHPID" ]] && continue
    cmd="$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)" || continue
    [[ "$cmd" == *"$STACK_HOME/"* ]] && printf '%s %s\n' "${p#/proc/}" "$cmd"
  done
  return 0
}
