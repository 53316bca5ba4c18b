#!/usr/bin/env bash
# NewsETL against the Python pipeline of bench/python_pipeline.py
# (trafilatura + datasketch + spaCy, two worker processes), in one run on
# the same folders: plain text (the first TEXT_FILES Reuters reports) and
# HTML (both boilerplate dev sets' pages). NewsETL runs REPEAT times
# (median); the Python pipeline ANCHOR_REPEAT times (default 1, it takes
# minutes). Prints CPU seconds, wall seconds and the ratios; with
# BASELINE_BIN (another newsetl binary, e.g. an earlier commit's) also that
# binary's times in the same run, alternating with this one. Skipped when
# the anchor's venv (bench/.venv-anchor, or ANCHOR_PYTHON) is missing:
#   python3 -m venv bench/.venv-anchor && bench/.venv-anchor/bin/pip install -r bench/requirements-anchor.txt
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-5}
ANCHOR_REPEAT=${ANCHOR_REPEAT:-1}
TEXT_FILES=${TEXT_FILES:-2225}
PYTHON=${ANCHOR_PYTHON:-bench/.venv-anchor/bin/python}
SHARED=../shared/devsets
. bench/common.sh

if [ ! -x "$PYTHON" ]; then
  echo "anchor: no Python pipeline venv at $PYTHON — skipped (see bench/requirements-anchor.txt)"
  exit 0
fi
if [ ! -d "$SHARED/reuters-dedup/docs" ] || [ ! -d "$SHARED/l3s-gn1/pages" ]; then
  echo "anchor: ../shared/devsets missing — skipped"
  exit 0
fi
work=$(mktemp -d /tmp/newsetl-anchor-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/text" "$work/html"
find "$SHARED/reuters-dedup/docs" -type f | sort > "$work/list"
head -n "$TEXT_FILES" "$work/list" | xargs cp -t "$work/text/"
copy_html_pages "$SHARED" "$work/html"

measure() {  # runs "$@" into a fresh $work/out; prints "cpu wall"
  rm -rf "$work/out"
  /usr/bin/time -f "%U %S %e" -o "$work/time" "$@" >/dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$work/time"
}

echo "NewsETL $(git rev-parse --short HEAD 2>/dev/null || echo unknown) vs the Python pipeline, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for corpus in text html; do
  files=$(ls "$work/$corpus" | wc -l)
  megabytes=$(du -sm "$work/$corpus" | cut -f1)
  python=$(for _ in $(seq "$ANCHOR_REPEAT"); do measure "$PYTHON" bench/python_pipeline.py "$work/$corpus" "$work/out" --workers 2; done)
  newsetl="" baseline=""
  for _ in $(seq "$REPEAT"); do
    newsetl+="$(measure "$BIN" run --config pipeline.json --input "$work/$corpus" --output "$work/out" --workers 2)"$'\n'
    if [ -n "${BASELINE_BIN:-}" ]; then
      baseline+="$(measure "$BASELINE_BIN" run --config pipeline.json --input "$work/$corpus" --output "$work/out" --workers 2)"$'\n'
    fi
  done
  python_cpu=$(echo "$python" | cut -d' ' -f1 | median); python_wall=$(echo "$python" | cut -d' ' -f2 | median)
  newsetl_cpu=$(echo -n "$newsetl" | cut -d' ' -f1 | median); newsetl_wall=$(echo -n "$newsetl" | cut -d' ' -f2 | median)
  printf '%-5s %5d files %4d MB  python %7.1f CPU-s %6.1f s wall | newsetl %5.2f CPU-s %5.2f s wall | ratio CPU %5.1fx  wall %5.1fx\n' \
    "$corpus" "$files" "$megabytes" "$python_cpu" "$python_wall" "$newsetl_cpu" "$newsetl_wall" \
    "$(echo "$python_cpu / $newsetl_cpu" | bc -l)" "$(echo "$python_wall / $newsetl_wall" | bc -l)"
  if [ -n "$baseline" ]; then
    base_cpu=$(echo -n "$baseline" | cut -d' ' -f1 | median); base_wall=$(echo -n "$baseline" | cut -d' ' -f2 | median)
    printf '      baseline %s: %5.2f CPU-s %5.2f s wall | ratio CPU %5.1fx  wall %5.1fx\n' "$BASELINE_BIN" "$base_cpu" "$base_wall" \
      "$(echo "$python_cpu / $base_cpu" | bc -l)" "$(echo "$python_wall / $base_wall" | bc -l)"
  fi
done
