#!/usr/bin/env bash
# Benchmarks of the bad-pixels example (issue: parallel steps):
#  1. the toy pipeline end to end, cold (new workspace; jars already built) and fully reused;
#  2. a parallel step's scaling from 1 to 2 workers (pre-processing the "small" size's frames);
#  3. splitting Y4M videos into frame files: the example's SplitFrames against ffmpeg, same videos.
# Usage: bench/bad_pixels.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ex="$root/examples/bad-pixels"
work="$(mktemp -d /var/tmp/ty-bp.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ty="$root/trainyard"
"$ty" --version >/dev/null
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

cold=$(ms "$ty" run -q --workspace "$work/ws" "$ex/pipeline.yml")
warm=$(ms "$ty" run -q --workspace "$work/ws" "$ex/pipeline.yml")
echo "toy pipeline, cold (new workspace):  $cold ms  (target < 60000)"
echo "toy pipeline, fully reused re-run:   $warm ms  (target < 2000)"

# The "small" size's videos and frames, made once by the pipeline itself.
"$ty" run -q --workspace "$work/ws" --set inputs.size=small "$ex/pipeline.yml"
"$ty" artifacts get --workspace "$work/ws" latest:generate:videos "$work/videos" >/dev/null
"$ty" artifacts get --workspace "$work/ws" latest:split_frames:frames "$work/frames" >/dev/null
frames=$(find "$work/frames" -type f | wc -l)
for n in 1 2; do
  cat >"$work/scale$n.yml" <<YAML
type: pipeline
jobs:
  preprocess:
    type: parallel
    inputs:
      frames:
        type: uri_folder
        path: $work/frames
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
  "$ty" run -q --workspace "$work/ws" "$work/scale$n.yml" >/dev/null   # warm the page cache
  out=$("$ty" run --json --force-rerun --workspace "$work/ws" "$work/scale$n.yml")
  echo "$out" | python3 -c "import json,sys; s=json.load(sys.stdin)['steps'][0]; print($n, s['duration_ms'])" >>"$work/scale.txt"
done
t1=$(awk '$1==1 {print $2}' "$work/scale.txt"); t2=$(awk '$1==2 {print $2}' "$work/scale.txt")
echo "parallel pre-processing of $frames frames: 1 worker $t1 ms, 2 workers $t2 ms, speed-up $(python3 -c "print(round($t1/$t2, 2))")x  (target >= 1.8x)"

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
