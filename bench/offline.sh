#!/usr/bin/env bash
# Tern: durable one-to-one throughput (acknowledged = stored) and offline delivery on login.
# Usage: bench/offline.sh [MESSAGES]   (default 10000). Env: TERN_JAVA_OPTS, BENCH_PORT.
# One sender sends MESSAGES to an account with no device online, waiting for every XEP-0198 ack (Tern
# acks only after the message is committed); then that account logs in and receives them all.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
messages=${1:-10000}
server_available tern || { echo "Tern is not built: cd $BENCH_ROOT && mvn -B -q -DskipTests -pl tern-app -am package" >&2; exit 2; }
bench_jar
echo "== offline delivery: $messages messages, against $(server_version tern)"
server_start tern 2
# shellcheck disable=SC2086
java $GEN_JAVA_OPTS -cp "$BENCH_JAR" im.tern.bench.OfflineDelivery --host 127.0.0.1 --port "$BENCH_PORT" \
  --domain "$BENCH_DOMAIN" --password "$BENCH_PASSWORD" --sender u1 --receiver u2 --messages "$messages"
