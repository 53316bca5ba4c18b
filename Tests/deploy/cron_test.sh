#!/usr/bin/env bash
# Shows that deploy/crontab.example works: installs Debian's cron when it is
# missing (as root; otherwise names the command), starts it, installs newsetl
# with `make install` under a temporary PREFIX, registers the example's line
# pointed at a temporary folder and run every minute, and waits for a
# scheduled run to complete and its outputs to verify. The user's crontab is
# restored afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

. Tests/support/require_command.sh
require_command cron cron

work=$(mktemp -d /tmp/newsetl-cron-XXXXXX)
chmod 755 "$work"
started_cron=""
saved="$work/crontab.saved"
crontab -l > "$saved" 2>/dev/null || : > "$saved"
cleanup() {
  crontab "$saved" 2>/dev/null || true
  if [ -n "$started_cron" ]; then kill "$started_cron" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

make -s install PREFIX="$work/prefix" >/dev/null
mkdir -p "$work/srv"
cp -r input "$work/srv/input"
cp pipeline.json "$work/srv/"

# The example's line, every minute, in the temporary folder.
line=$(grep -v '^#' deploy/crontab.example | grep 'newsetl run' | head -1)
line=$(echo "$line" | awk '{ $1 = $2 = $3 = $4 = $5 = "*"; print }' \
  | sed -e "s|/srv/newsetl|$work/srv|g" -e "s|/usr/local/bin/newsetl|$work/prefix/bin/newsetl|g" \
        -e "s|/var/log/newsetl.log|$work/cron.log|g")
echo "cron-test: registering: $line"
{ cat "$saved"; echo "$line"; } | crontab -

# Containers often lack a login uid, which makes cron's PAM session refuse jobs.
if [ "$(id -u)" = 0 ] && [ -f /etc/pam.d/cron ] && grep -q '^session\s\+required\s\+pam_loginuid.so' /etc/pam.d/cron; then
  sed -i 's/^session\s\+required\s\+pam_loginuid.so/session optional pam_loginuid.so/' /etc/pam.d/cron
fi
if ! pgrep -x cron >/dev/null 2>&1; then
  cron -f &
  started_cron=$!
  echo "cron-test: started cron (pid $started_cron)"
fi

echo "cron-test: waiting for the scheduled run (up to 150 s)"
for _ in $(seq 150); do
  if [ -f "$work/srv/output/manifest.json" ]; then break; fi
  sleep 1
done
if [ ! -f "$work/srv/output/manifest.json" ]; then
  echo "error: no scheduled run completed within 150 s"
  [ -f "$work/cron.log" ] && cat "$work/cron.log"
  exit 1
fi
# Let a run that started meanwhile finish (the lock is released at exit).
sleep 2
"$work/prefix/bin/newsetl" verify --output "$work/srv/output" --schema "$root/schema/newsetl.xsd"
# Every sample file was accounted for by the scheduled run.
grep -q "\"inputs\": $(find "$work/srv/input" -type f | wc -l)," "$work/srv/output/manifest.json"
if [ -s "$work/cron.log" ]; then
  echo "cron-test: the run logged (expected nothing with --quiet):"
  cat "$work/cron.log"
  exit 1
fi
echo "cron-test: a scheduled run completed: $(ls "$work/srv/output/runs" | head -1)"
