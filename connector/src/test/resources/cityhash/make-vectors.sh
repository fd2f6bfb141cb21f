#!/usr/bin/env bash
# Makes vectors.tsv: for inputs of many lengths, the block clickhouse-compressor (ClickHouse 18.16,
# Debian package clickhouse-tools) writes with --none: 16-byte CityHash128 checksum, then the 9-byte
# header and the input. Each line: input length, input (hex), compressed block (hex).
# Inputs are deterministic (bytes of a counter hashed with sha256).
set -euo pipefail
cd "$(dirname "$0")"
out=vectors.tsv
: >"$out"
for n in $(seq 1 300) 511 512 513 1000 1024 4095 4096 10000; do
  input="$(for i in $(seq 0 $(( (n + 31) / 32 ))); do printf '%s' "$n-$i" | sha256sum | cut -c1-64; done | tr -d '\n' | cut -c1-$((n * 2)))"
  block="$(printf '%s' "$input" | xxd -r -p | clickhouse-compressor --none | xxd -p | tr -d '\n')"
  printf '%d\t%s\t%s\n' "$n" "$input" "$block" >>"$out"
done
