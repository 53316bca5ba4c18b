#!/usr/bin/env bash
# Renders output/report.html as an editor sees it: runs newsetl over input/
# on two nights (the second adds a report), opens the cumulative and the
# run's report in headless Chromium (Debian's `chromium`, installed when
# missing and running as root; otherwise the command is named), saves PNG
# screenshots, and checks that they are not blank and that every number
# the rendered page takes from the manifest equals the manifest's.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
BIN=${BIN:-$root/.build/release/newsetl}

. Tests/support/require_command.sh
require_command chromium chromium

work=$(mktemp -d /tmp/newsetl-report-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input"
cp -r input/. "$work/input/"
night2="$work/input/briefs/valmora-night-two.txt"
mv "$work/input/briefs/valmora-insurance.txt" "$work/held-back.txt"
"$BIN" run --config pipeline.json --input "$work/input" --output "$work/output" --quiet
mv "$work/held-back.txt" "$night2"
"$BIN" run --config pipeline.json --input "$work/input" --output "$work/output" --quiet

chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$@" 2>/dev/null; }

check() {  # report.html, its manifest, a name for the screenshot
  local page=$1 manifest=$2 name=$3
  chrome --window-size=1000,2400 --screenshot="$work/$name.png" "file://$page" >/dev/null
  chrome --dump-dom "file://$page" > "$work/$name.dom.html"
  python3 Tests/report/check_render.py "$work/$name.png" "$work/$name.dom.html" "$manifest"
  mkdir -p .build/report && cp "$work/$name.png" ".build/report/$name.png"
}

current=$(realpath "$work/output/current")
run=$(ls -d "$work"/output/runs/run-* | sort | tail -1)
check "$current/report.html" "$current/manifest.json" cumulative
check "$run/report.html" "$run/manifest.json" run
grep -q "Documents added per run (last 2)" "$current/report.html" || { echo "report-test: the per-run chart lacks the first night"; exit 1; }
echo "report-test: both reports render and match their manifests (screenshots in .build/report/)"
