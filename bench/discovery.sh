#!/usr/bin/env bash
# Tern: contact discovery over the HTTPS API. Usage: bench/discovery.sh [ACCOUNTS] [BATCH] [ROUNDS]
# (default 10000 accounts, 1000 numbers a request, 10 rounds). Env: TERN_JAVA_OPTS, BENCH_PORT.
# Makes ACCOUNTS phone-number accounts (+447400000001 ...) in the store (BENCH_STORE), starts the server, then
# each round one account discovers BATCH numbers in local format (half of them with accounts): first sync
# (every number new to it) and re-sync (the same book again). Prints median and max latency of each.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
accounts=${1:-10000}
batch=${2:-1000}
rounds=${3:-10}
http_port=$((BENCH_PORT + 1))
server_available tern || { echo "Tern is not built: cd $BENCH_ROOT && mvn -B -q -DskipTests -pl tern-app -am package" >&2; exit 2; }
bench_jar
echo "== contact discovery: $batch numbers among $accounts accounts, against $(server_version tern)"
TERN_HTTP_PORT=$http_port TERN_USER_PREFIX=447400 TERN_USER_WIDTH=6 \
  TERN_EXTRA_YAML="contacts: { maxNumbers: $batch, maxNewNumbersPerDay: $batch }" server_start tern "$accounts"
machine_check
# shellcheck disable=SC2086
java $GEN_JAVA_OPTS -cp "$BENCH_JAR" im.tern.bench.DiscoveryBench --url "https://127.0.0.1:$http_port" --domain "$BENCH_DOMAIN" \
  --password "$BENCH_PASSWORD" --accounts "$accounts" --batch "$batch" --rounds "$rounds"
