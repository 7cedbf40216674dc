#!/usr/bin/env bash
# Benchmark: a 1,000-step fan-out/fan-in pipeline of trivial commands, run by Trainyard and by
# Snakemake (Debian package `snakemake`) on the same graph in the same session, plus the bare cost
# of spawning 1,000 `setsid bash -c true` processes with the same parallelism.
# Usage: bench/run_dag.sh [STEPS] [PARALLEL]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"
par="${2:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_dag.py" "$n" "$work"
"$root/trainyard" --version >/dev/null

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

spawn=$(ms bash -c "seq $n | xargs -P$par -I{} setsid bash -c true")
ty=$(cd "$work" && ms "$root/trainyard" run -q --force-rerun --concurrency "$par" --workspace "$work/ws" pipeline.yml)
ty2=$(cd "$work" && ms "$root/trainyard" run -q --force-rerun --concurrency "$par" --workspace "$work/ws" pipeline.yml)
if command -v snakemake >/dev/null; then
  sm=$(cd "$work" && ms snakemake -j "$par" --quiet all --forceall)
else
  sm=""
fi
echo "machine: $(nproc) cores; steps: $n; parallelism: $par"
echo "spawn only (xargs -P$par setsid bash -c true): $spawn ms"
echo "trainyard run (new workspace):                $ty ms"
echo "trainyard run (second, --force-rerun):         $ty2 ms"
echo "per-step overhead beyond spawning:             $(( (ty2 - spawn) * par * 1000 / n / 1000 )).$(( ((ty2 - spawn) * par * 1000 / n) % 1000 / 100 )) ms (wall x parallelism / steps)"
if [ -n "$sm" ]; then
  echo "snakemake -j $par:                              $sm ms"
  echo "snakemake / trainyard:                         $(( sm * 10 / ty2 / 10 )).$(( sm * 10 / ty2 % 10 ))x"
else
  echo "snakemake: not installed (apt-get install snakemake)"
fi
