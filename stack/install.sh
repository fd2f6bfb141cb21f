#!/usr/bin/env bash
# Installs what the local stack needs; idempotent and quick when everything is there.
#  - Debian packages: clickhouse-server clickhouse-client nginx prometheus capnproto jq curl
#  - the Kafka broker/Connect runtime jars from Maven Central (stack/kafka-runtime/pom.xml)
#    into $KAFKA_LIB (default <repo>/.stack/kafka-lib, shared by all stacks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ---- Debian packages ----------------------------------------------------------------
declare -A BIN_OF_PKG=(
  [clickhouse-server]=clickhouse-server [clickhouse-client]=clickhouse-client
  [nginx]=nginx [prometheus]=prometheus [capnproto]=capnp [jq]=jq [curl]=curl
)
missing=()
for pkg in "${!BIN_OF_PKG[@]}"; do
  command -v "${BIN_OF_PKG[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  info "installing Debian packages: ${missing[*]}"
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v java >/dev/null 2>&1 || [[ -x "$JAVA" ]] || die "no java on PATH (JDK 17+ needed)"
command -v mvn >/dev/null 2>&1 || die "no mvn on PATH"

# ---- Kafka runtime ------------------------------------------------------------------
# The marker holds the pom's checksum: editing the pom re-resolves.
pom="$STACK_DIR/kafka-runtime/pom.xml"
want="$(sha256sum "$pom" | cut -d' ' -f1)"
if [[ "$(cat "$KAFKA_LIB/.complete" 2>/dev/null)" != "$want" ]]; then
  info "resolving the Kafka runtime into $KAFKA_LIB (first time: ~55 MB from Maven Central)"
  tmp="$KAFKA_LIB.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$KAFKA_LIB")"
  mvnlog="$(dirname "$KAFKA_LIB")/kafka-runtime-resolve.log"
  if ! mvn -B -Dstyle.color=never -f "$pom" -Dkafka.lib.dir="$tmp" generate-resources >"$mvnlog" 2>&1; then
    tail -n 40 "$mvnlog" >&2
    die "resolving the Kafka runtime failed (full log: $mvnlog)"
  fi
  ls "$tmp"/kafka_2.13-*.jar "$tmp"/connect-runtime-*.jar >/dev/null || die "Kafka runtime incomplete in $tmp"
  echo "$want" >"$tmp/.complete"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
fi
info "install: ok (Kafka runtime: $KAFKA_LIB, $(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars)"
