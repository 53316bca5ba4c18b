#!/usr/bin/env bash
# Wall time of two newsetl binaries on the same corpora, runs alternating
# (old, new, old, new…) so that a noisy machine affects both alike; prints
# the median of REPEAT runs (default 5) of each, for a full run and for a
# nightly run that adds one file to the full run's output.
#
#   bench/speed-releases.sh OLD_BINARY [NEW_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?usage: bench/speed-releases.sh OLD_BINARY [NEW_BINARY]}
NEW=${2:-.build/release/newsetl}
REPEAT=${REPEAT:-5}
SHARED=../shared/devsets
work=$(mktemp -d /tmp/newsetl-speed-XXXXXX)
trap 'rm -rf "$work"' EXIT

. bench/common.sh
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

corpora=("input:input")
for set in reuters-dedup/docs l3s-gn1/pages; do
  [ -d "$SHARED/$set" ] && corpora+=("${set%%/*}:$SHARED/$set")
done

printf '%-14s %-8s %10s %10s %8s\n' corpus run old_s new_s new/old
for entry in "${corpora[@]}"; do
  name=${entry%%:*} folder=${entry#*:}
  cp -r "$folder" "$work/in"
  : > "$work/full-old"; : > "$work/full-new"; : > "$work/night-old"; : > "$work/night-new"
  for _ in $(seq "$REPEAT"); do
    for which in old new; do
      bin=$OLD; [ $which = new ] && bin=$NEW
      rm -rf "$work/out" "$work/in/zz-night.txt"
      seconds "$bin" run --config pipeline.json --input "$work/in" --output "$work/out" >> "$work/full-$which"
      printf 'A new report.\n\nThe council met in York on Friday.\n' > "$work/in/zz-night.txt"
      seconds "$bin" run --config pipeline.json --input "$work/in" --output "$work/out" >> "$work/night-$which"
    done
  done
  for run in full night; do
    old=$(median < "$work/$run-old"); new=$(median < "$work/$run-new")
    printf '%-14s %-8s %10.3f %10.3f %8.3f\n' "$name" "$run" "$old" "$new" "$(echo "$new / $old" | bc -l)"
  done
  rm -rf "$work/in" "$work/out"
done
