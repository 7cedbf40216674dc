#!/usr/bin/env bash
# Benchmark: a fully reused re-run of a 100-step pipeline (target: under 1 s after JVM start).
# Usage: bench/reuse_100.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_pipeline.py" 100 "$work"
"$root/trainyard" run -q --workspace "$work/ws" "$work/pipeline.yml"
cat >"$work/Noop.java" <<'J'
public class Noop { public static void main(String[] a) {} }
J
javac -d "$work" "$work/Noop.java"
median() {
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
jvm=$(median java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work" Noop)
rerun=$(median "$root/trainyard" run -q --workspace "$work/ws" "$work/pipeline.yml")
echo "runs: $runs (median wall ms)"
echo "bare JVM start:                         $jvm ms"
echo "fully reused re-run, 100 steps:          $rerun ms"
echo "after JVM start:                         $((rerun - jvm)) ms  (target < 1000 ms)"
