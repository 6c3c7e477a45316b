#!/usr/bin/env bash
# Tern: the highest one-to-one message rate with p99 < 100 ms among RATES, with USERS users.
# Usage: bench/messages.sh [RATES] [USERS]   (default 1000,2000,5000,10000,20000 and 2000)
# Env: BENCH_STEP_SECONDS (10 per step), MODES ("plain starttls"), TERN_JAVA_OPTS, BENCH_PORT.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
rates=${1:-1000,2000,5000,10000,20000}
users=${2:-2000}
server_available tern || { echo "Tern is not built: cd $BENCH_ROOT && mvn -B -q -DskipTests -pl tern-app -am package" >&2; exit 2; }
bench_jar
echo "== message rate: $users users, steps $rates msgs/s, ${BENCH_STEP_SECONDS:-10} s each, against $(server_version tern)"
for mode in ${MODES:-plain starttls}; do
  echo "-- $mode"
  sweep_run tern "$users" "$mode" "$rates" "$BENCH_WORK/msg-$mode.json"
done
echo "== summary (Tern JVM: $TERN_JAVA_OPTS)"
for mode in ${MODES:-plain starttls}; do
  echo "$mode: best rate with p99 < 100 ms and no loss: $(best_rate "$BENCH_WORK/msg-$mode.json") msgs/s"
  jq -r '.steps[] | "  @\(.target_rate): received \(.received_per_second)/s, lost \(.lost), p50 \(.p50_ms) p99 \(.p99_ms) p99.9 \(.p999_ms) max \(.max_ms) ms"' \
    "$BENCH_WORK/msg-$mode.json"
done
