#!/usr/bin/env bash
# Benchmark: `trainyard lineage` on a workspace of 10,000 runs (target: under 100 ms each after
# JVM start): `lineage --file F` (a data file three data versions held: which runs and models used
# it) and `lineage model:fraud-detector:N` (both directions). The workspace is generated through the
# store's schema by bench/lineage/GenLineage.java, not by running 40,000 steps.
# Measured three ways: served by the lineage daemon (the default once one runs), the first call
# (no daemon yet: answered by the calling JVM, which then starts one), and TRAINYARD_DAEMON=0
# (every call a cold JVM). The daemon lives in a private XDG_RUNTIME_DIR and is stopped at the end.
# Usage: bench/lineage.sh [RUNS_TIMED] [WORKSPACE_RUNS]   (wrap in flock /tmp/trainyard-bench.lock)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
size="${2:-10000}"
work="$(mktemp -d)"
export XDG_RUNTIME_DIR="$work/xdg"
mkdir -p "$XDG_RUNTIME_DIR"
stop_daemon() {
  local a
  for a in "$XDG_RUNTIME_DIR"/trainyard/lineage-*.addr; do
    if [ -f "$a" ]; then
      kill "$(cut -d' ' -f3 "$a")" 2>/dev/null || true
      rm -f "$a"
    fi
  done
  sleep 0.2
}
trap 'stop_daemon; rm -rf "$work"' EXIT
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
q() { "$root/trainyard" lineage --workspace "$work/ws" "$@"; }
# Every call a cold JVM.
export TRAINYARD_DAEMON=0
cfile=$(median q --file "$work/late-arrivals.csv")
cref=$(median q "$model")
crefj=$(median q "$model" --json)
cfloor=$(median q model:no-such-model:1)
unset TRAINYARD_DAEMON
# The first call: no daemon yet; it answers itself, then starts one (stopped again before the next).
first=()
for _ in $(seq 5); do
  stop_daemon
  s=$(date +%s%N); q --file "$work/late-arrivals.csv" >/dev/null 2>&1 || true; e=$(date +%s%N)
  first+=($(( (e - s) / 1000000 )))
done
firstm=$(printf '%s\n' "${first[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
# Served by the daemon: start it, wait for its address, warm it with a few queries.
q model:no-such-model:1 >/dev/null 2>&1 || true
for _ in $(seq 100); do ls "$XDG_RUNTIME_DIR"/trainyard/lineage-*.addr >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 5); do q --file "$work/late-arrivals.csv" >/dev/null; q "$model" >/dev/null; done
file=$(median q --file "$work/late-arrivals.csv")
ref=$(median q "$model")
refj=$(median q "$model" --json)
# The floor under both: start, open the workspace, resolve a reference that names nothing.
floor=$(median q model:no-such-model:1)
served=$(grep -h -- "--file" "$XDG_RUNTIME_DIR"/trainyard/lineage-*.log | tail -n "$runs" | sed 's/.* \([0-9.]*\) ms$/\1/' \
  | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workspace: $size runs, $(du -sh "$work/ws" | cut -f1); runs: $runs (median wall ms)"
echo "bare JVM start (java Noop):              $jvm ms"
echo "served by the lineage daemon (the default once one runs):"
echo "  lineage --file F:                      $file ms, after JVM start $((file - jvm)) ms  (target < 100 ms)"
echo "  lineage $model:   $ref ms, after JVM start $((ref - jvm)) ms  (target < 100 ms)"
echo "  lineage $model --json: $refj ms, after JVM start $((refj - jvm)) ms"
echo "  floor (open + resolve an unknown REF): $floor ms, after JVM start $((floor - jvm)) ms"
echo "  the daemon's own time for --file (its log, median): $served ms"
echo "first call, no daemon yet (answers, then starts one; median of 5): lineage --file F: $firstm ms"
echo "TRAINYARD_DAEMON=0 (every call a cold JVM):"
echo "  lineage --file F:                      $cfile ms, after JVM start $((cfile - jvm)) ms"
echo "  lineage $model:   $cref ms, after JVM start $((cref - jvm)) ms"
echo "  lineage $model --json: $crefj ms, after JVM start $((crefj - jvm)) ms"
echo "  floor (open + resolve an unknown REF): $cfloor ms, after JVM start $((cfloor - jvm)) ms"
