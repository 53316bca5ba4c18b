#!/usr/bin/env bash
# What each export format costs on the dev sets, release build: the pipeline
# writes all four formats in one run, and each format's writing time (rows
# and closing its files, over the run's and the cumulative dataset's
# sessions; `--log-level debug` reports it) is compared within that run.
# REPEAT runs (default 5), the median per format, and the size of the
# cumulative files.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-5}
SHARED=../shared/devsets
work=$(mktemp -d /tmp/newsetl-formats-XXXXXX)
trap 'rm -rf "$work"' EXIT

. bench/common.sh

measure() {  # name folder
  local name=$1 folder=$2
  echo "$name ($(find "$folder" -type f | wc -l) files)"
  : > "$work/times"
  for _ in $(seq "$REPEAT"); do
    rm -rf "$work/out"
    "$BIN" run --config pipeline.json --input "$folder" --output "$work/out" --workers 2 --log-level debug 2>&1 \
      | grep -o 'export: writing took .*' >> "$work/times"
  done
  for format in csv jsonl xml sqlite; do
    local seconds bytes
    seconds=$(grep -o "$format [0-9.]* s" "$work/times" | awk '{print $2}' | median)
    bytes=$(find -L "$work/out/current/" -maxdepth 1 -type f \( -name "*.$format" -o -name "newsetl.$format" \) -print0 \
            | du -cb --files0-from=- | tail -1 | cut -f1)
    printf '  %-7s median %7.3f s   %8.1f MB\n' "$format" "$seconds" "$(echo "$bytes/1000000" | bc -l)"
  done
}

[ -d "$SHARED/l3s-gn1/pages" ] && measure "L3S-GN1 (HTML)" "$SHARED/l3s-gn1/pages"
[ -d "$SHARED/reuters-dedup/docs" ] && measure "Reuters (text)" "$SHARED/reuters-dedup/docs"
measure "input/" input
