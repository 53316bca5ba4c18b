#!/usr/bin/env bash
# What each export format costs on the dev sets, release build: the pipeline
# run REPEAT times (default 5) with one format at a time, median wall and
# CPU (user + system) time,
# and the size of the cumulative files. Decode, clean, dedupe and entities
# are the same work in every configuration, so the differences between the
# rows are the formats' writing costs (the cheapest format is the baseline).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-5}
SHARED=../shared/devsets
work=$(mktemp -d /tmp/newsetl-formats-XXXXXX)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

config() {  # format -> a pipeline.json writing only that format (the list becomes one entry)
  sed "s|\"formats\": \[[^]]*\]|\"formats\": [\"$1\"]|" pipeline.json > "$work/$1.json"
}

measure() {  # name folder
  local name=$1 folder=$2
  echo "$name ($(find "$folder" -type f | wc -l) files)"
  for format in jsonl csv xml sqlite; do
    config "$format"
    local times
    times=$(for _ in $(seq "$REPEAT"); do
      rm -rf "$work/out"
      /usr/bin/time -f '%e %U %S' -o "$work/time" \
        "$BIN" run --config "$work/$format.json" --input "$folder" --output "$work/out" --workers 2 >/dev/null 2>&1
      cat "$work/time"
    done)
    local wall cpu
    wall=$(echo "$times" | awk '{print $1}' | median)
    cpu=$(echo "$times" | awk '{print $2 + $3}' | median)
    local bytes
    bytes=$(find -L "$work/out/current/" -maxdepth 1 -type f \( -name "*.$format" -o -name "newsetl.sqlite" \) -print0 \
            | du -cb --files0-from=- | tail -1 | cut -f1)
    printf '  %-7s median wall %7.3f s   cpu %7.3f s   %8.1f MB\n' "$format" "$wall" "$cpu" "$(echo "$bytes/1000000" | bc -l)"
  done
}

[ -d "$SHARED/l3s-gn1/pages" ] && measure "L3S-GN1 (HTML)" "$SHARED/l3s-gn1/pages"
[ -d "$SHARED/reuters-dedup/docs" ] && measure "Reuters (text)" "$SHARED/reuters-dedup/docs"
measure "input/" input
