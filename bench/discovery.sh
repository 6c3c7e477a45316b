#!/usr/bin/env bash
# Tern: contact discovery over the HTTPS API. Usage: bench/discovery.sh [ACCOUNTS] [BATCH] [ROUNDS]
# (default 10000 accounts, 1000 numbers a request, 10 rounds). Env: TERN_JAVA_OPTS, BENCH_PORT.
# Makes ACCOUNTS phone-number accounts (+447400000001 ...) in the embedded store, starts the server, then
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
dir="$(mktemp -d "$BENCH_WORK/tern.XXXX")"
cat > "$dir/tern.yaml" <<CFG
domain: $BENCH_DOMAIN
data: $dir/data
bind: 127.0.0.1
ports: { c2s: $BENCH_PORT, tls: -1, http: $http_port }
contacts: { maxNumbers: $batch, maxNewNumbersPerDay: $batch }
CFG
(cd "$BENCH_ROOT" && ./tern admin user add-bulk --config "$dir/tern.yaml" --prefix 447400 --width 6 --count "$accounts" \
  --password "$BENCH_PASSWORD") | sed 's/^/  tern: /'
(cd "$BENCH_ROOT" && JAVA_OPTS="$TERN_JAVA_OPTS" exec ./tern server --config "$dir/tern.yaml") >"$dir/server.log" 2>&1 &
SERVER_PID=$! SERVER_KIND=tern
for ((i = 0; i < 300; i++)); do
  grep -q '^tern listening' "$dir/server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "tern server exited:"; tail -20 "$dir/server.log"; exit 1; }
  sleep 0.1
done
machine_check
# shellcheck disable=SC2086
java $GEN_JAVA_OPTS -cp "$BENCH_JAR" im.tern.bench.DiscoveryBench --url "https://127.0.0.1:$http_port" --domain "$BENCH_DOMAIN" \
  --password "$BENCH_PASSWORD" --accounts "$accounts" --batch "$batch" --rounds "$rounds"
