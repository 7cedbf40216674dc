#!/usr/bin/env bash
# Benchmark: `trainyard validate` of a 100-step pipeline, wall time from process start to exit,
# compared with a bare JVM start and with `trainyard --version` (JVM + CLI start, no work).
# Usage: bench/validate.sh [RUNS]   (results go to stdout; copy them into BENCHMARKS.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_pipeline.py" 100 "$work"
"$root/trainyard" --version >/dev/null   # build if needed, warm the page cache
"$root/trainyard" validate -q "$work/pipeline.yml"
cat >"$work/Noop.java" <<'J'
public class Noop { public static void main(String[] a) {} }
J
javac -d "$work" "$work/Noop.java"

median_ms() { # runs a command $runs times, prints the median wall time in ms
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

jvm=$(median_ms java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$work" Noop)
ver=$(median_ms "$root/trainyard" --version)
val=$(median_ms "$root/trainyard" validate -q "$work/pipeline.yml")
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
echo "runs: $runs (median wall ms)"
echo "bare JVM start (java Noop):            $jvm ms"
echo "trainyard --version:                   $ver ms"
echo "trainyard validate (100 steps):        $val ms"
echo "validate after JVM start (minus Noop): $((val - jvm)) ms  (target < 300 ms)"
