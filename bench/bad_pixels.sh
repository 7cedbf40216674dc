#!/usr/bin/env bash
# Benchmarks of the bad-pixels example (issue: parallel steps):
#  1. the toy pipeline end to end, cold (new workspace; jars already built) and fully reused;
#  2. a parallel step's scaling from 1 to 2 workers, pre-processing the toy size's frames (320 of
#     64x48) and the small size's (800 of 320x240);
#  3. splitting Y4M videos into frame files: the example's SplitFrames against ffmpeg, same videos.
# Usage: bench/bad_pixels.sh   (BENCH_REPS=N runs per figure, default 5; BENCH_SIZES="toy small";
#        BENCH_ONLY_SCALING=1 for part 2 alone; BENCH_COLD=1 drops the page cache before each run;
#        BENCH_WARMUP=0 skips the discarded 2-worker run, BENCH_CONTROL=0 the task-alone control:
#        at `full` each costs minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ex="$root/examples/bad-pixels"
work="$(mktemp -d /var/tmp/ty-bp.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ty="$root/trainyard"
"$ty" --version >/dev/null
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

only_scaling="${BENCH_ONLY_SCALING:-}" # set: part 2 alone
if [ -z "$only_scaling" ]; then
  cold=$(ms "$ty" run -q --workspace "$work/ws" "$ex/pipeline.yml")
  warm=$(ms "$ty" run -q --workspace "$work/ws" "$ex/pipeline.yml")
  echo "toy pipeline, cold (new workspace):  $cold ms  (target < 60000)"
  echo "toy pipeline, fully reused re-run:   $warm ms  (target < 2000)"
fi

# Parallel scaling: generate -> split_frames -> preprocess, where only preprocess reruns
# (is_deterministic: false); its input is the stored frames, as in the example, and the figure is
# the step's own duration_ms from the run record (not the CLI's start-up nor the other steps).
# Runs with 1 and 2 workers alternate, after one discarded run per size (page cache warm);
# BENCH_COLD=1 drops the page cache before each measured run instead (root only; it slows every
# other process on the machine). Medians of BENCH_REPS (default 5) runs per figure.
reps="${BENCH_REPS:-5}"
for n in 1 2; do
  cat >"$work/scale$n.yml" <<YAML
type: pipeline
inputs:
  size: toy
jobs:
  generate:
    type: command
    code: $ex
    inputs:
      size: \${{parent.inputs.size}}
    outputs:
      videos:
      truth:
    command: bash task.sh Generate --size \${{inputs.size}} --seed 7 --videos \${{outputs.videos}} --truth \${{outputs.truth}}
  split_frames:
    type: parallel
    inputs:
      videos: \${{parent.jobs.generate.outputs.videos}}
    outputs:
      frames:
      cameras:
    input_data: \${{inputs.videos}}
    mini_batch_size: 2
    resources:
      instance_count: 2
    task:
      type: java
      code: $ex
      entry_script: dev.trainyard.examples.badpixels.SplitFrames
      program_arguments: --videos \${{inputs.videos}} --frames \${{outputs.frames}} --cameras \${{outputs.cameras}}
  preprocess:
    type: parallel
    is_deterministic: false
    inputs:
      frames: \${{parent.jobs.split_frames.outputs.frames}}
    outputs:
      residuals:
    input_data: \${{inputs.frames}}
    mini_batch_size: 40
    resources:
      instance_count: $n
    task:
      type: java
      code: $ex
      entry_script: dev.trainyard.examples.badpixels.Preprocess
      program_arguments: --residuals \${{outputs.residuals}}
YAML
done
# The same pipeline without preprocess: what a run costs besides the step (CLI start, reuse).
python3 -c "import sys; s=open(sys.argv[1]).read(); print(s[:s.index('  preprocess:')])" "$work/scale1.yml" >"$work/scale0.yml"
cpu_ms() { # FILE COMMAND...: runs it (stdout to $work/stdout), appends its CPU time in ms
  local f=$1 TIMEFORMAT='%3U %3S' # user+sys, its children (worker JVMs) included
  shift
  { time "$@" >"$work/stdout" 2>/dev/null; } 2>"$work/time.txt"
  awk '{print int(($1 + $2) * 1000)}' "$work/time.txt" >>"$f"
}
step_ms() { # SIZE N: one run, prints the preprocess step's duration_ms; its CPU time goes to cpuN
  if [ -n "${BENCH_COLD:-}" ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
  cpu_ms "$work/cpu$2" "$ty" run --json --workspace "$work/ws" --set inputs.size="$1" "$work/scale$2.yml"
  python3 -c "import json,sys; s=[s for s in json.load(open(sys.argv[1]))['steps'] if s['name']=='preprocess'][0];
assert s['status']=='completed', s; print(s['duration_ms'])" "$work/stdout"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
for size in ${BENCH_SIZES:-toy small}; do
  "$ty" run -q --workspace "$work/ws" --set inputs.size="$size" "$work/scale1.yml" >/dev/null # frames; warm-up
  if [ "${BENCH_WARMUP:-1}" = 1 ]; then
    "$ty" run -q --workspace "$work/ws" --set inputs.size="$size" "$work/scale2.yml" >/dev/null
  fi
  : >"$work/t1"; : >"$work/t2"; : >"$work/cpu0"; : >"$work/cpu1"; : >"$work/cpu2"
  for i in $(seq "$reps"); do
    step_ms "$size" 1 >>"$work/t1"
    step_ms "$size" 2 >>"$work/t2"
    cpu_ms "$work/cpu0" "$ty" run -q --workspace "$work/ws" --set inputs.size="$size" "$work/scale0.yml"
  done
  # Control: the same task on the same frames without Trainyard (RunTask, JVM start included):
  # one process for all frames against two processes for half each, at the same moments. On a
  # machine shared with other work it shows how much 2 workers can gain at all just then.
  rm -rf "$work/frames"
  "$ty" artifacts get --workspace "$work/ws" latest:split_frames:frames "$work/frames" >/dev/null
  find "$work/frames" -type f | sort >"$work/all.txt"
  half=$(( $(wc -l <"$work/all.txt") / 2 ))
  head -n "$half" "$work/all.txt" >"$work/h1.txt"; tail -n +"$(( half + 1 ))" "$work/all.txt" >"$work/h2.txt"
  task() { java -XX:+UseSerialGC -cp "$ex/target/bad-pixels.jar:$ex/target/lib/*" dev.trainyard.sdk.RunTask \
    dev.trainyard.examples.badpixels.Preprocess --residuals "$work/out$1" -- $(cat "$work/$1.txt") >/dev/null; }
  : >"$work/c1"; : >"$work/c2"; : >"$work/cpuc"
  [ "${BENCH_CONTROL:-1}" = 1 ] || { echo 0 >"$work/c1"; echo 1 >"$work/c2"; echo 0 >"$work/cpuc"; }
  for i in $(seq "$([ "${BENCH_CONTROL:-1}" = 1 ] && echo "$reps" || echo 0)"); do
    rm -rf "$work"/out*
    s=$(date +%s%N); cpu_ms "$work/cpuc" task all; m=$(date +%s%N); task h1 & task h2; wait; e=$(date +%s%N)
    echo $(( (m - s) / 1000000 )) >>"$work/c1"; echo $(( (e - m) / 1000000 )) >>"$work/c2"
  done
  c1=$(median <"$work/c1"); c2=$(median <"$work/c2")
  # CPU time of the step: a run's minus a run's without it. On 2 cores, 2 workers cannot take
  # less than half of theirs, whatever the scheduling: this bounds the speed-up on an idle machine.
  u0=$(median <"$work/cpu0"); u1=$(( $(median <"$work/cpu1") - u0 )); u2=$(( $(median <"$work/cpu2") - u0 ))
  t1=$(median <"$work/t1"); t2=$(median <"$work/t2")
  echo "parallel pre-processing, $size frames (mini-batches of 40): 1 worker $t1 ms, 2 workers $t2 ms," \
    "speed-up $(python3 -c "print(round($t1/$t2, 2))")x  (target >= 1.8x; runs: 1w $(tr '\n' ' ' <"$work/t1")| 2w $(tr '\n' ' ' <"$work/t2")| load $(cut -d' ' -f1-3 /proc/loadavg))"
  [ "${BENCH_CONTROL:-1}" = 1 ] && echo "  control, the task alone on the same frames: 1 process $c1 ms, 2 processes $c2 ms," \
    "speed-up $(python3 -c "print(round($c1/$c2, 2))")x  (runs: 1p $(tr '\n' ' ' <"$work/c1")| 2p $(tr '\n' ' ' <"$work/c2"))"
  echo "  CPU time (user+sys, a run's minus one without the step): 1 worker $u1 ms, 2 workers $u2 ms;" \
    "$([ "${BENCH_CONTROL:-1}" = 1 ] && echo "the task alone $(median <"$work/cpuc") ms.")" \
    "On 2 idle cores: speed-up at most" \
    "$(python3 -c "print(round($t1/($u2/2), 2))")x (1 worker's $t1 ms over half of 2 workers' CPU time)"
  if [ "$size" = small ] && [ -z "$only_scaling" ]; then
    "$ty" artifacts get --workspace "$work/ws" latest:generate:videos "$work/videos" >/dev/null
  fi
done

[ -z "$only_scaling" ] || exit 0
vids=("$work"/videos/*.y4m)
bytes=$(du -cb "${vids[@]}" | tail -n 1 | cut -f1)
cat "${vids[@]}" >/dev/null
mkdir -p "$work/ty-frames" "$work/ty-cams" "$work/ff"
ours=$(ms java -XX:+UseSerialGC -cp "$ex/target/bad-pixels.jar:$ex/target/lib/*" dev.trainyard.sdk.RunTask \
  dev.trainyard.examples.badpixels.SplitFrames --frames "$work/ty-frames" --cameras "$work/ty-cams" -- "${vids[@]}")
ff=$(ms bash -c 'for v in "$@"; do n=$(basename "$v" .y4m); mkdir -p "'"$work"'/ff/$n";
  ffmpeg -nostdin -loglevel error -i "$v" -f image2 -c:v pgm "'"$work"'/ff/$n/%06d.pgm" || exit 1; done' _ "${vids[@]}")
echo "splitting ${#vids[@]} Y4M videos ($(( bytes / 1048576 )) MiB) into frame files: SplitFrames $ours ms," \
  "ffmpeg $ff ms, ffmpeg/ours $(python3 -c "print(round($ff/$ours, 2))")x  (target >= 1x)"
echo "frames written: ours $(find "$work/ty-frames" -type f | wc -l), ffmpeg $(find "$work/ff" -type f | wc -l)"
