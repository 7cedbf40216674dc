#!/usr/bin/env bash
# Benchmark: storing a 1 GiB folder of 1,000 files in the object store, against the CPU's hashing
# speed (`openssl dgst -sha256` over the same files) in the same session. Target: >= 0.8x openssl.
# Usage: bench/store.sh [FILES] [MIB_PER_FILE_x1000]   (default 1000 files of 1 MiB)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-1000}"
work="$(mktemp -d /var/tmp/ty-store.XXXXXX)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -DskipTests -pl trainyard-store -am package dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null)
mkdir -p "$work/src"
for i in $(seq "$files"); do head -c 1048576 /dev/urandom >"$work/src/f$i.bin"; done
sync
cat "$work"/src/* >/dev/null   # warm the page cache for both contestants
s=$(date +%s%N); (cd "$work/src" && ls | xargs openssl dgst -sha256 >/dev/null); e=$(date +%s%N)
ossl=$(( (e - s) / 1000000 ))
bytes=$(( files * 1048576 ))
echo "openssl dgst -sha256: $files files in $ossl ms = $(( bytes / 1000 / ossl )) MB/s"
java -cp "$root/trainyard-store/target/classes:$(cat "$work/cp.txt")" "$root/bench/store/StoreBench.java" \
  "$work/src" "$work/ws"
