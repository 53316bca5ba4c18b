#!/bin/bash
# A NewsETL run on a Slurm cluster: N shard tasks as one array job, then the
# merge, which starts only when every task succeeded (afterok) and is
# cancelled if one failed (the dataset then stays as the last night left
# it; rerun the failed shards with `sbatch --array=<I,...> shards.sbatch`
# and submit merge.sbatch). For cron on a login node:
#
#   15 2 * * * /srv/newsetl/deploy/slurm/nightly.sh 16 --config /shared/newsetl/pipeline.json >> /var/log/newsetl-submit.log 2>&1
#
# Usage: nightly.sh N [newsetl options shared by shards and merge]
# NEWSETL_WAIT=1 waits for the merge and exits with its status (for tests).
set -euo pipefail
if [ $# -lt 1 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 N [newsetl options]" >&2
  exit 64
fi
shards=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
export NEWSETL_ARGS="$*"
array=$(sbatch --parsable --array=0-$((shards - 1)) "$here/shards.sbatch")
array=${array%%;*}
wait=()
if [ "${NEWSETL_WAIT:-0}" = 1 ]; then wait=(--wait); fi
echo "newsetl: shards submitted as array job $array ($shards tasks); merge follows after all succeed"
sbatch --parsable "${wait[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes "$here/merge.sbatch"
