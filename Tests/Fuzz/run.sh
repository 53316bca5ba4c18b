#!/usr/bin/env bash
# Runs the libFuzzer harnesses built by `make fuzz` for a bounded time each,
# starting from the committed seed corpus (Tests/Fuzz/<target>/); inputs the
# fuzzer finds go to .build-fuzz/corpus/ (not committed). A crash stops the
# run: copy the artifact it names into Tests/Fuzz/<target>/ (FuzzTargetsTests
# then replays it in every `make test`) and fix the cause. Leak checking is
# off: a batch process's one-time allocations are not what this looks for
# (crashes, broken promises, hangs over 10 s, more than 4 GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
export ASAN_OPTIONS=detect_leaks=0
bin=.build-fuzz/release
for target in decode config; do
  binary="$bin/Fuzz$(tr a-z A-Z <<<"${target:0:1}")${target:1}"
  mkdir -p ".build-fuzz/corpus/$target" .build-fuzz/crashes
  echo "fuzz $target: $seconds s from $(ls "Tests/Fuzz/$target" | wc -l) seeds"
  "$binary" ".build-fuzz/corpus/$target" "Tests/Fuzz/$target" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix=".build-fuzz/crashes/$target-" -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if ls .build-fuzz/crashes/"$target"-* >/dev/null 2>&1; then
    echo "fuzz $target: found a crash: $(ls .build-fuzz/crashes/"$target"-* | head -1)" >&2
    exit 1
  fi
done
echo "fuzz: no crash in ${seconds} s per target"
