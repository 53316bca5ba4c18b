#!/usr/bin/env bash
# Runs two newsetl binaries side by side on the same corpora and checks that
# their datasets are byte-identical: the check every refactor that must not
# change behaviour ends with. The manifests are compared without the fields
# that differ between any two runs (times, run id, busy seconds, file hashes
# of the manifest itself; the database by its rows when its bytes differ).
#
#   bench/compare-releases.sh OLD_BINARY [NEW_BINARY]
#
# NEW_BINARY defaults to .build/release/newsetl. Corpora: input/, and from
# ../shared when present the seeds and the three dev sets. Each corpus is
# also run a second time over the first run's output with one file added, so
# the incremental path (merge with the record store) is compared too.
# Exit status 0 when every dataset matches, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?usage: bench/compare-releases.sh OLD_BINARY [NEW_BINARY]}
NEW=${2:-.build/release/newsetl}
SHARED=../shared
work=$(mktemp -d /tmp/newsetl-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT

corpora=("input:input")
[ -d "$SHARED/seeds" ] && corpora+=("seeds:$SHARED/seeds")
for set in l3s-gn1/pages readability/pages reuters-dedup/docs; do
  [ -d "$SHARED/devsets/$set" ] && corpora+=("${set%%/*}:$SHARED/devsets/$set")
done

# The manifest without what differs between any two runs.
stable_manifest() {
  python3 - "$1" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
for key in ("started_at", "finished_at", "wall_seconds", "run_id"):
    m.pop(key, None)
for stage in m.get("stages", []):
    stage.pop("busy_seconds", None)
# The database is compared by its content (see database_content).
def without_database_digest(value):
    if isinstance(value, dict):
        if value.get("name") == "newsetl.sqlite":
            value.pop("bytes", None); value.pop("sha256", None)
        for item in value.values(): without_database_digest(item)
    elif isinstance(value, list):
        for item in value: without_database_digest(item)
without_database_digest(m)
m["warnings"] = sorted(m.get("warnings", []))
print(json.dumps(m, indent=1, sort_keys=True))
EOF
}

# A database's schema and rows (sorted), and the documents its full-text
# index finds: what it holds, whatever its page layout. A nightly run
# updates the previous database in place, so two histories that reach the
# same rows may lay them out differently.
database_content() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"):
    print(sql)
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' ORDER BY name"):
    for row in sorted(repr(row) for row in db.execute(f'SELECT * FROM "{table}"')):
        print(table, row)
for term in ("said", "police", "minister"):
    print(term, sorted(db.execute("SELECT d.doc_id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ?", (term,))))
EOF
}

# The report without what differs between any two runs (run ids, times,
# the run history chart's labels).
stable_report() {
  sed -E 's/run-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?/RUN/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g;
          s/\([0-9]+(\.[0-9]+)? s\)/(S)/g; s/[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(-[0-9]+)?/LABEL/g' "$1"
}

compare_folders() {  # name old new
  local name=$1 old=$2 new=$3 failed=0
  for file in $(cd "$old" && ls); do
    [ "$file" = manifest.json ] && continue
    if [ "$file" = report.html ]; then
      cmp -s <(stable_report "$old/$file") <(stable_report "$new/$file") && continue
      echo "  DIFFERENT $name/$file (beyond times and run ids)"
      failed=1
      continue
    fi
    if [ "$file" = newsetl.sqlite ] && ! cmp -s "$old/$file" "$new/$file" \
       && cmp -s <(database_content "$old/$file") <(database_content "$new/$file"); then
      echo "  same rows $name/$file (pages laid out differently)"
      continue
    fi
    if ! cmp -s "$old/$file" "$new/$file"; then
      echo "  DIFFERENT $name/$file"
      failed=1
    fi
  done
  for file in $(cd "$new" && ls); do
    [ -e "$old/$file" ] || { echo "  ONLY NEW  $name/$file"; failed=1; }
  done
  if ! diff <(stable_manifest "$old/manifest.json") <(stable_manifest "$new/manifest.json") >"$work/manifest.diff"; then
    echo "  DIFFERENT $name/manifest.json (beyond times and run ids):"
    head -20 "$work/manifest.diff" | sed 's/^/    /'
    failed=1
  fi
  return $failed
}

status=0
for entry in "${corpora[@]}"; do
  name=${entry%%:*} folder=${entry#*:}
  copy="$work/$name-input"
  cp -r "$folder" "$copy"
  for binary in old new; do
    bin=$OLD; [ $binary = new ] && bin=$NEW
    "$bin" run --config pipeline.json --input "$copy" --output "$work/$name-$binary" --workers 2 >/dev/null 2>"$work/$name-$binary.log" || true
  done
  if compare_folders "$name" "$work/$name-old/current" "$work/$name-new/current"; then
    echo "same  $name (full run, $(ls "$copy" | wc -l) entries)"
  else
    status=1
  fi
  # Second night: one new file, one removed.
  printf 'Second night report.\n\nThe committee met on Tuesday in Leeds and agreed the plan.\n' > "$copy/zz-added-night-2.txt"
  first=$(cd "$copy" && find . -type f | sort | awk "NR == 1")
  [ -n "$first" ] && rm -f "$copy/$first"
  for binary in old new; do
    bin=$OLD; [ $binary = new ] && bin=$NEW
    "$bin" run --config pipeline.json --input "$copy" --output "$work/$name-$binary" --workers 1 >/dev/null 2>>"$work/$name-$binary.log" || true
  done
  if compare_folders "$name (night 2)" "$work/$name-old/current" "$work/$name-new/current"; then
    echo "same  $name (incremental run)"
  else
    status=1
  fi
  # Third night, the upgrade: the new binary continues the old binary's
  # output folder (its state), beside the old binary doing the same.
  printf 'Third night report.\n\nThe mayor of York opened the bridge on Friday.\n' > "$copy/zz-added-night-3.txt"
  cp -a "$work/$name-old" "$work/$name-upgraded"
  "$OLD" run --config pipeline.json --input "$copy" --output "$work/$name-old" --workers 2 >/dev/null 2>>"$work/$name-old.log" || true
  "$NEW" run --config pipeline.json --input "$copy" --output "$work/$name-upgraded" --workers 2 >"$work/$name-upgraded.log" 2>&1 || true
  if grep -q "processing every file" "$work/$name-upgraded.log"; then
    echo "  the new binary did not continue the old binary's state:"; sed 's/^/    /' "$work/$name-upgraded.log" | head -5
    status=1
  elif compare_folders "$name (upgrade)" "$work/$name-old/current" "$work/$name-upgraded/current"; then
    echo "same  $name (new binary continuing the old binary's state)"
  else
    status=1
  fi
  rm -rf "$copy" "$work/$name-old" "$work/$name-new" "$work/$name-upgraded"
done
[ $status = 0 ] && echo "every dataset is byte-identical" || echo "datasets differ"
exit $status
