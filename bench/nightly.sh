#!/usr/bin/env bash
# What a night costs against a full run, in one run on the same pages: both
# boilerplate dev sets' pages (737) less ADDED of them spread over the set
# (every 73rd page by name) are processed once; then each measurement copies
# that output and runs again with the ADDED pages back ("nightly"), and runs
# over all pages into a fresh folder ("full"). REPEAT alternating runs,
# medians; the nightly share is nightly / full. With BASELINE_BIN (another
# newsetl binary, e.g. an earlier commit's) that binary is measured the same
# way in the same run, alternating, from its own first run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/newsetl}
REPEAT=${REPEAT:-5}
ADDED=${ADDED:-10}
SHARED=../shared/devsets
. bench/common.sh

if [ ! -d "$SHARED/l3s-gn1/pages" ] || [ ! -d "$SHARED/readability/pages" ]; then
  echo "nightly: ../shared/devsets missing — skipped"
  exit 0
fi
work=$(mktemp -d /tmp/newsetl-nightly-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/all" "$work/base"
copy_html_pages "$SHARED" "$work/all"
cp -pl "$work/all/"* "$work/base/"
(cd "$work/all" && ls | sort | awk 'NR % 73 == 5' | head -n "$ADDED") > "$work/added"
(cd "$work/base" && xargs rm < "$work/added")

binaries=("new:$BIN")
[ -n "${BASELINE_BIN:-}" ] && binaries+=("baseline:$BASELINE_BIN")
for entry in "${binaries[@]}"; do
  "${entry#*:}" run --config pipeline.json --input "$work/base" --output "$work/first-${entry%%:*}" --workers 2 --quiet
done

seconds() {  # runs "$@"; prints wall seconds
  /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time"
}

declare -A nightly full
for _ in $(seq "$REPEAT"); do
  for entry in "${binaries[@]}"; do
    name=${entry%%:*} bin=${entry#*:}
    rm -rf "$work/out" && cp -a "$work/first-$name" "$work/out"
    nightly[$name]+="$(seconds "$bin" run --config pipeline.json --input "$work/all" --output "$work/out" --workers 2 --quiet)"$'\n'
    rm -rf "$work/out"
    full[$name]+="$(seconds "$bin" run --config pipeline.json --input "$work/all" --output "$work/out" --workers 2 --quiet)"$'\n'
  done
done

echo "nightly +$ADDED pages to $(ls "$work/base" | wc -l), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, median of $REPEAT alternating runs"
for entry in "${binaries[@]}"; do
  name=${entry%%:*}
  night=$(echo -n "${nightly[$name]}" | median) whole=$(echo -n "${full[$name]}" | median)
  printf '  %-8s nightly %5.2f s  full %5.2f s  nightly share %4.1f%%  (nightly runs: %s)\n' "$name" "$night" "$whole" \
    "$(echo "100 * $night / $whole" | bc -l)" "$(echo -n "${nightly[$name]}" | tr '\n' ' ')"
done
