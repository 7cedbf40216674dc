#!/usr/bin/env bash
# Runs one stage of the example, a dev.trainyard.sdk.ParallelTask, as a plain command:
#   bash task.sh CLASS [PROGRAM_ARGUMENTS...] [FILES...]
# In a parallel step's mini-batch Trainyard appends the mini-batch's files; RunTask takes them
# from $TRAINYARD_MINI_BATCH. Runs from the step's code snapshot (this folder, with target/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/target/bad-pixels.jar" ]; then
  echo "bad-pixels: $here/target/bad-pixels.jar is missing; build it first:" \
    "mvn -B -pl examples/bad-pixels -am package -DskipTests" >&2
  exit 2
fi
task="$1"
shift
# -Xss: Tribuo's tree training recurses; the serial GC suits short-lived single-purpose JVMs.
exec "${JAVA:-java}" -XX:+UseSerialGC -Xss8m ${BAD_PIXELS_JAVA_OPTS:-} \
  -cp "$here/target/bad-pixels.jar:$here/target/lib/*" \
  dev.trainyard.sdk.RunTask "dev.trainyard.examples.badpixels.$task" "$@"
