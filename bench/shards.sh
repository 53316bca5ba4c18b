#!/usr/bin/env bash
# Shards + merge against one run (issue 15): a folder of 20,000 small
# reports (wire copy from ../shared/devsets/reuters-dedup when present,
# else input/; every 20th file empty or binary), one `newsetl run`, then for
# N = 1, 2, 4: the N shards one after another (as N cluster tasks would run
# side by side) and the merge. Each case runs REPEAT times (default 3) from
# a fresh output folder; medians of wall time and peak RSS are printed, with
# the merge's share of the cluster's total work and whether the datasets
# are byte-identical to the single run's. Then the merge's memory per
# report with summaries only (`eval merge-memory`, MERGE_REPORTS synthetic
# reports, default 100,000; BENCHMARKS gives 1,000,000).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/newsetl
REPEAT=${REPEAT:-3}
FILES=${FILES:-20000}
WORKERS=${WORKERS:-2}
SOURCE=../shared/devsets/reuters-dedup/docs
[ -d "$SOURCE" ] || SOURCE=input
work=$(mktemp -d /tmp/newsetl-shards-XXXXXX)
trap 'rm -rf "$work"' EXIT

. bench/common.sh

python3 bench/small_reports.py "$SOURCE" "$work/in" "$FILES" 11

timed() {  # label command... -> appends "label seconds rss_kb" to $work/times.txt
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  echo "$label $(cat "$work/time.txt")" >> "$work/times.txt"
}

same_as_single() {
  for file in "$work/single"/*.csv "$work/single"/*.jsonl "$work/single"/*.xml; do
    cmp -s "$file" "$work/sharded/$(basename "$file")" || { echo "differs: $(basename "$file")"; return; }
  done
  echo "byte-identical"
}

args=(--config pipeline.json --input "$work/in" --workers "$WORKERS" --quiet)
: > "$work/times.txt"
for round in $(seq "$REPEAT"); do
  rm -rf "$work/single"
  timed "single" "$BIN" run "${args[@]}" --output "$work/single"
  for n in 1 2 4; do
    rm -rf "$work/sharded"
    for i in $(seq 0 $((n - 1))); do
      timed "n$n-shard$i" "$BIN" run "${args[@]}" --output "$work/sharded" --shard "$i/$n"
    done
    timed "n$n-merge" "$BIN" merge "${args[@]}" --output "$work/sharded"
    [ "$round" = 1 ] && echo "n$n $(same_as_single)" >> "$work/identical.txt"
  done
done

field() { grep "^$1 " "$work/times.txt" | cut -d' ' -f"$2" | median; }
echo "NewsETL $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "shards: $FILES reports from $SOURCE (5% rejected), $WORKERS workers per process, median of $REPEAT rounds, release build"
printf '  one run:                  %7.2f s   peak RSS %5.0f MB\n' "$(field single 2)" "$(echo "$(field single 3)/1024" | bc -l)"
for n in 1 2 4; do
  shard_total=0; shard_max=0; rss_max=0
  for i in $(seq 0 $((n - 1))); do
    seconds=$(field "n$n-shard$i" 2); rss=$(field "n$n-shard$i" 3)
    shard_total=$(echo "$shard_total + $seconds" | bc -l)
    shard_max=$(echo "if ($seconds > $shard_max) $seconds else $shard_max" | bc -l)
    rss_max=$(echo "if ($rss > $rss_max) $rss else $rss_max" | bc -l)
  done
  merge=$(field "n$n-merge" 2); merge_rss=$(field "n$n-merge" 3)
  printf '  N=%d: shards %7.2f s in all, longest %6.2f s, peak RSS %5.0f MB; merge %6.2f s, peak RSS %5.0f MB; merge share %4.1f%%; %s\n' \
    "$n" "$shard_total" "$shard_max" "$(echo "$rss_max/1024" | bc -l)" "$merge" "$(echo "$merge_rss/1024" | bc -l)" \
    "$(echo "100 * $merge / ($merge + $shard_total)" | bc -l)" "$(grep "^n$n " "$work/identical.txt" | cut -d' ' -f2-)"
done
echo "merge memory, summaries only: $("$BIN" eval merge-memory --documents "${MERGE_REPORTS:-100000}")"
