#!/usr/bin/env bash
# Regenerates the reference vectors with the reference implementation (Debian's capnproto
# 0.9.2: apt-get install capnproto). Each <name>.txt is a message in Cap'n Proto text form;
# <name>.bin is 'capnp encode' of it (standard unpacked framing), <name>.packed.bin the
# same with --packed. The schema is the reference one, unchanged.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
schema="$(cd "$here/../../../../.." && pwd)/schema/src/main/capnp/schema/http_log.capnp"
import_dir="$(mktemp -d)"
trap 'rm -rf "$import_dir"' EXIT
# our copy of the schema carries Java annotations; strip them so the stock tool needs no java.capnp
grep -v -e 'import "/java.capnp"' -e '\$Java\.' "$schema" >"$import_dir/http_log.capnp"
cd "$here"
for text in *.txt; do
  name="${text%.txt}"
  capnp encode "$import_dir/http_log.capnp" HttpLogRecord <"$text" >"$name.bin"
  capnp encode --packed "$import_dir/http_log.capnp" HttpLogRecord <"$text" >"$name.packed.bin"
done
