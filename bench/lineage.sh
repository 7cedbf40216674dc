#!/usr/bin/env bash
# Benchmark: `trainyard lineage` on a workspace of 10,000 runs (target: under 100 ms each after
# JVM start): `lineage --file F` (a data file three data versions held: which runs and models used
# it) and `lineage model:fraud-detector:N` (both directions). The workspace is generated through the
# store's schema by bench/lineage/GenLineage.java, not by running 40,000 steps.
# Usage: bench/lineage.sh [RUNS_TIMED] [WORKSPACE_RUNS]   (wrap in flock /tmp/trainyard-bench.lock)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
size="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/trainyard" --version >/dev/null   # build if needed
lib="$root/trainyard-cli/target/lib"
javac -nowarn -cp "$lib/*" -d "$work/gen" "$root"/bench/lineage/*.java
java -cp "$work/gen:$lib/*" GenLineage "$work/ws" "$size" "$work/late-arrivals.csv"
model="model:fraud-detector:$((size / 20))"
# Warm the page cache, and show what is measured.
"$root/trainyard" lineage --workspace "$work/ws" --file "$work/late-arrivals.csv" | tail -n 3
"$root/trainyard" lineage --workspace "$work/ws" "$model" | head -n 12
cat >"$work/Noop.java" <<'J'
public class Noop { public static void main(String[] a) {} }
J
javac -d "$work" "$work/Noop.java"
median() {
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
jvm=$(median java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$work" Noop)
file=$(median "$root/trainyard" lineage --workspace "$work/ws" --file "$work/late-arrivals.csv")
ref=$(median "$root/trainyard" lineage --workspace "$work/ws" "$model")
refj=$(median "$root/trainyard" lineage --workspace "$work/ws" "$model" --json)
# The floor under both: start, open the workspace, resolve a reference that names nothing.
floor=$(median "$root/trainyard" lineage --workspace "$work/ws" model:no-such-model:1)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workspace: $size runs, $(du -sh "$work/ws" | cut -f1); runs: $runs (median wall ms)"
echo "bare JVM start (java Noop):              $jvm ms"
echo "lineage --file F:                        $file ms, after JVM start $((file - jvm)) ms  (target < 100 ms)"
echo "lineage $model:     $ref ms, after JVM start $((ref - jvm)) ms  (target < 100 ms)"
echo "lineage $model --json: $refj ms, after JVM start $((refj - jvm)) ms"
echo "floor (open + resolve an unknown REF):   $floor ms, after JVM start $((floor - jvm)) ms"
