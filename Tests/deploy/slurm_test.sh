#!/usr/bin/env bash
# Shows that deploy/slurm works on a real Slurm cluster: installs Debian's
# slurmctld, slurmd, slurm-client and munge when missing (as root; otherwise
# names the command), starts a one-node cluster in a temporary folder with
# its own config (no systemd, nothing under /etc), submits the shard array
# and the merge with deploy/slurm/nightly.sh for a copy of input/, and
# compares the datasets with one `newsetl run` of the same folder, on two
# nights. The daemons are stopped by pid whatever happened.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=$root/.build/release/newsetl
shards=${SLURM_TEST_SHARDS:-3}

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
   || ! command -v munged >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "slurm-test: installing slurmctld slurmd slurm-client munge"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
  else
    echo "error: Slurm is not installed. Install it with: sudo apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge"
    exit 1
  fi
fi

work=$(mktemp -d /tmp/newsetl-slurm-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  status=$?
  if [ -f "$work/slurm.conf" ]; then
    SLURM_CONF=$work/slurm.conf scancel --user="$(id -un)" 2>/dev/null || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -f "$work/munge/munged.pid" ]; then kill "$(cat "$work/munge/munged.pid")" 2>/dev/null || true; fi
  if [ $status -ne 0 ]; then
    for log in "$work"/log/*.log "$work"/jobs/*.log; do
      [ -f "$log" ] && { echo "--- $log"; tail -20 "$log"; }
    done
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

# munge: its own key, socket and files; the socket's folder must be 711.
mkdir -p "$work/munge" "$work/log" "$work/state" "$work/spool" "$work/jobs"
chmod 711 "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
munged --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" --pid-file="$work/munge/munged.pid" \
       --log-file="$work/log/munged.log" --seed-file="$work/munge/munge.seed" -f 2>/dev/null
munge --socket="$work/munge/munge.socket" -n | unmunge --socket="$work/munge/munge.socket" >/dev/null

host=$(hostname -s)
memory=$(( $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) - 512 ))
cat > "$work/slurm.conf" <<CONF
ClusterName=newsetl-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
MinJobAge=5
SchedulerParameters=batch_sched_delay=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -D -i < /dev/null > "$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$host" < /dev/null > "$work/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  [ "$(sinfo -h -N -o %T 2>/dev/null | head -1)" = idle ] && break
  sleep 0.1
done
if [ "$(sinfo -h -N -o %T 2>/dev/null | head -1)" != idle ]; then
  echo "slurm-test: the node did not become idle in 30 s"
  exit 1
fi
echo "slurm-test: one-node cluster up"

mkdir -p "$work/srv"
cp -r input "$work/srv/input"
cp pipeline.json "$work/srv/pipeline.json"
args=(--config "$work/srv/pipeline.json" --input "$work/srv/input")

compare() {
  local night=$1
  for file in "$work/single"/*.csv "$work/single"/*.jsonl "$work/single"/*.xml "$work/single"/newsetl.sqlite; do
    name=$(basename "$file")
    if ! cmp -s "$file" "$work/cluster/$name"; then
      echo "slurm-test: $name differs between one run and the cluster ($night)"
      exit 1
    fi
  done
  if ! diff <(grep -v -e '_at"' -e 'seconds"' -e '"run_id"' -e 'run-20' "$work/single/manifest.json") \
            <(grep -v -e '_at"' -e 'seconds"' -e '"run_id"' -e 'run-20' "$work/cluster/manifest.json") >/dev/null; then
    echo "slurm-test: manifest.json differs between one run and the cluster ($night)"
    exit 1
  fi
  if [ -e "$work/cluster/shards" ]; then
    echo "slurm-test: the merge left shards/ behind ($night)"
    exit 1
  fi
  echo "slurm-test: $night: $shards shards + merge on Slurm give the same datasets as one run"
}

night() {
  local label=$1
  "$bin" run "${args[@]}" --output "$work/single" --quiet
  (cd "$work/jobs" && NEWSETL="$bin" NEWSETL_WAIT=1 "$root/deploy/slurm/nightly.sh" "$shards" "${args[@]}" --output "$work/cluster")
  compare "$label"
}

start=$(date +%s)
night "first night"
printf 'Harbour board meets again\n\nThe Valmora harbour board met on Friday to agree the repair budget, officials said.\n' \
  > "$work/srv/input/briefs/harbour-board.txt"
printf 'Letters\n\nA reader asks that the ferry timetable be kept as it was.\n' > "$work/srv/input/opinion/letters.txt"
night "second night"
echo "slurm-test: passed in $(( $(date +%s) - start )) s of jobs"
