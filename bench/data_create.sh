#!/usr/bin/env bash
# Benchmark: `trainyard data create` of a folder of 100,000 small files (target: under 10 s),
# next to `git add` of the same folder (git init in a fresh repository each time).
# Usage: bench/data_create.sh [FILES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-100000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# 100 folders of small CSV-like files, 40-200 bytes each, all different.
python3 - "$work/data" "$files" <<'P'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
for i in range(n):
    d = os.path.join(root, "part-%03d" % (i % 100))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "rec-%06d.csv" % i), "w") as f:
        f.write("id,x,y\n" + "".join("%d,%f,%f\n" % (i, rnd.random(), rnd.random()) for _ in range(rnd.randint(1, 5))))
P
du -sh "$work/data" | awk '{print "data: " $1 " in '"$files"' files"}'
"$root/trainyard" --version >/dev/null  # build first, outside the timing
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ty=(); gt=()
for i in $(seq "$runs"); do
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  ty+=($(ms "$root/trainyard" data create --name bench --path "$work/data" --workspace "$work/ws$i"))
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  rm -rf "$work/data/.git"
  gt+=($(ms bash -c "cd '$work/data' && git init -q && git add -A"))
  rm -rf "$work/data/.git" "$work/ws$i"
done
t=$(printf '%s\n' "${ty[@]}" | median)
g=$(printf '%s\n' "${gt[@]}" | median)
echo "runs: $runs (median wall ms; page cache dropped before each when permitted)"
echo "trainyard data create:   $t ms  (target < 10000 ms)  [${ty[*]}]"
echo "git init && git add -A:  $g ms  [${gt[*]}]"
awk -v t="$t" -v g="$g" 'BEGIN {printf "git add / trainyard:     %.2fx\n", g / t}'
