#!/usr/bin/env bash
# Runs every benchmark in sequence and prints a Markdown report (for BENCHMARKS.md).
# Usage: bench/all.sh > /tmp/bench.md     (takes ~10 minutes on 2 cores; run on an idle machine)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
section() { printf '\n## %s\n\nCommand: `%s`\n\n```\n' "$1" "$2"; }
echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
section "validate of a 100-step pipeline" "bench/validate.sh 20"
"$root/bench/validate.sh" 20; echo '```'
section "1,000-step fan-out/fan-in pipeline vs Snakemake" "bench/run_dag.sh 1000 2"
"$root/bench/run_dag.sh" 1000 2; echo '```'
section "fully reused re-run of a 100-step pipeline" "bench/reuse_100.sh 10"
"$root/bench/reuse_100.sh" 10; echo '```'
section "storing a 1 GiB folder of 1,000 files vs openssl" "bench/store.sh 1000"
"$root/bench/store.sh" 1000; echo '```'
section "bad-pixels example: toy run, parallel scaling, Y4M split vs ffmpeg" "bench/bad_pixels.sh"
"$root/bench/bad_pixels.sh"; echo '```'
