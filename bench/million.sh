#!/usr/bin/env bash
# One end-to-end run over COUNT synthetic reports on disk (default 1,000,000;
# bench/synthetic_reports.py from the Reuters wire copy: a tenth planted
# copies, 1% empty files), from a fresh output folder with pipeline.json:
# wall time, each stage's busy seconds (manifest), peak RSS (/usr/bin/time),
# the RSS over the run (sampled each second into $WORK/rss.tsv), and the
# bytes of state per report (`.state/` over the inputs). Slow by design
# (about 50 minutes at a million on 2 cores) and not part of `make bench`;
# COUNT=40000 checks the script in a minute. Needs ~4 GB for the reports and
# ~35 GB for the output at a million; WORK (default a fresh folder in /tmp)
# keeps both, and reports already there are reused.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/newsetl}
COUNT=${COUNT:-1000000}
SOURCE=../shared/devsets/reuters-dedup/docs
[ -d "$SOURCE" ] || SOURCE=input
WORK=${WORK:-$(mktemp -d /tmp/newsetl-million-XXXXXX)}
reports="$WORK/reports-$COUNT"
if [ ! -d "$reports" ]; then
  python3 bench/synthetic_reports.py "$SOURCE" "$reports.partial" "$COUNT"
  mv "$reports.partial" "$reports"
fi
rm -rf "$WORK/out" "$WORK/rss.tsv"

"$BIN" run --config pipeline.json --input "$reports" --output "$WORK/out" --quiet &
pid=$!
started=$(date +%s.%N)
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmHWM/ {hwm=$2} /^VmRSS/ {rss=$2} END {print rss+0, hwm+0}' "/proc/$pid/status" 2>/dev/null || echo "0 0")
  printf '%.0f\t%s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "${rss% *}" >> "$WORK/rss.tsv"
  [ "${rss#* }" -gt "$peak" ] && peak=${rss#* }
  sleep 1
done
wait "$pid"
wall=$(echo "$(date +%s.%N) - $started" | bc)

echo "NewsETL $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "million: $COUNT synthetic reports ($(du -sm "$reports" | cut -f1) MB on disk) from $SOURCE, pipeline.json, release build"
printf 'wall %.0f s, peak RSS %d MB\n' "$wall" "$((peak / 1024))"
python3 - "$WORK/out/manifest.json" "$COUNT" <<'PY'
import json, sys
manifest, count = json.load(open(sys.argv[1])), int(sys.argv[2])
print('counts', json.dumps(manifest['counts']))
for stage in manifest['stages']:
    print(f"  {stage['name']:<9} {stage['busy_seconds']:9.1f} busy s  in {stage['in']:>8}  out {stage['out']:>8}")
PY
state=$(du -sb "$WORK/out/.state" | cut -f1)
printf 'state %d MB, %d bytes per report\n' "$((state / 1048576))" "$((state / COUNT))"
du -sb "$WORK/out/.state/"* | awk -v n="$COUNT" '{printf "  %-28s %8.1f MB  %6.0f B/report\n", substr($2, index($2, ".state/") + 7), $1 / 1048576, $1 / n}'
echo "RSS over the run (seconds, KB): $WORK/rss.tsv"
