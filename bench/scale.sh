#!/usr/bin/env bash
# Work must grow linearly with the input (issue 10): one report of 1, 4 and
# 16 MB; folders of 40,000 and 160,000 small reports with 5% rejected
# (empty and binary files); a folder of twelve 16 MB reports for peak
# memory. Each case runs REPEAT times (default 3) from a fresh output folder;
# the median wall time and the median peak RSS (/usr/bin/time) are printed,
# with seconds per MB or per 1,000 files so the growth can be read directly.
# Text comes from ../shared/devsets/reuters-dedup when present, else input/.
# BASELINE_BIN=path/to/older/newsetl also times that binary on the 1 and 4 MB
# reports in the same run (before/after on one machine state).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-3}
SOURCE=../shared/devsets/reuters-dedup/docs
[ -d "$SOURCE" ] || SOURCE=input
work=$(mktemp -d /tmp/newsetl-scale-XXXXXX)
trap 'rm -rf "$work"' EXIT

. bench/common.sh

measure() {  # folder workers [binary] -> "seconds rss_mb" (medians)
  local folder=$1 workers=$2 binary=${3:-$BIN}
  for _ in $(seq "$REPEAT"); do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$binary" run --config pipeline.json --input "$folder" --output "$work/out" \
      --workers "$workers" --quiet >/dev/null 2>&1 || true
    cat "$work/time.txt"
  done > "$work/runs.txt"
  printf '%s %s\n' "$(cut -d' ' -f1 "$work/runs.txt" | median)" "$(cut -d' ' -f2 "$work/runs.txt" | median | awk '{printf "%.0f", $1/1024}')"
}

python3 - "$SOURCE" "$work" <<'PY'
import os, random, re, sys
source, work = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(source) if not n.startswith('.'))
texts = []
for root, _, files in os.walk(source):
    for name in sorted(files):
        with open(os.path.join(root, name), encoding='utf-8', errors='replace') as f:
            texts.append(f.read())
# Long reports: the wire copy run together, paragraphs unwrapped.
corpus = re.sub(r'(?<!\n)\n(?!\n)', ' ', '\n\n'.join(texts))
for mb in (1, 4, 16):
    os.makedirs(f'{work}/long{mb}')
    text = (corpus * (1 + mb * 2**20 // len(corpus)))[:mb * 2**20]
    open(f'{work}/long{mb}/report.txt', 'w').write(text)
os.makedirs(f'{work}/large')
for i in range(12):
    open(f'{work}/large/report-{i:02}.txt', 'w').write((corpus * (1 + 16 * 2**20 // len(corpus)))[i * 1000:i * 1000 + 16 * 2**20])
PY
# Many small reports: every 20th file rejected (empty or binary), the others
# a wire report with a line of its own on top, in folders of 1,000.
for count in 40000 160000; do
  python3 bench/small_reports.py "$SOURCE" "$work/files$((count / 1000))k" "$count" 7
done

echo "NewsETL $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "scale: median of $REPEAT runs, release build, full pipeline into CSV+JSONL+XML; text from $SOURCE"
for mb in 1 4 16; do
  read -r seconds rss <<<"$(measure "$work/long$mb" 1)"
  printf '  one report of %2d MB, 1 worker:   %7.2f s  (%5.2f s/MB)   peak RSS %5d MB\n' "$mb" "$seconds" "$(echo "$seconds/$mb" | bc -l)" "$rss"
done
if [ -n "${BASELINE_BIN:-}" ]; then
  for mb in 1 4; do
    read -r seconds rss <<<"$(measure "$work/long$mb" 1 "$BASELINE_BIN")"
    printf '  baseline %s, one report of %2d MB: %7.2f s  (%5.2f s/MB)   peak RSS %5d MB\n' "$BASELINE_BIN" "$mb" "$seconds" "$(echo "$seconds/$mb" | bc -l)" "$rss"
  done
fi
for k in 40 160; do
  read -r seconds rss <<<"$(measure "$work/files${k}k" 2)"
  printf '  %3dk small files (5%% rejected), 2 workers: %7.2f s  (%5.3f s per 1,000 files)   peak RSS %5d MB\n' "$k" "$seconds" "$(echo "$seconds/$k" | bc -l)" "$rss"
done
read -r seconds rss <<<"$(measure "$work/large" 2)"
printf '  12 reports of 16 MB, 2 workers:  %7.2f s   peak RSS %5d MB\n' "$seconds" "$rss"
