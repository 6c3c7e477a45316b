#!/usr/bin/env bash
# Tern: server memory per idle authenticated session and login ramp, plain c2s and STARTTLS.
# Usage: bench/idle-sessions.sh [SESSIONS]   (default 10000; at most 19,500: one generator process)
# Env: TERN_JAVA_OPTS (server JVM), BENCH_HOLD (idle seconds, 5), MODES ("plain starttls"), BENCH_PORT.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
users=${1:-10000}
(( users <= 19500 )) || { echo "at most 19500 sessions per generator process (20,000 open files)" >&2; exit 2; }
server_available tern || { echo "Tern is not built: cd $BENCH_ROOT && mvn -B -q -DskipTests -pl tern-app -am package" >&2; exit 2; }
bench_jar
echo "== idle sessions: $users against $(server_version tern)"
for mode in ${MODES:-plain starttls}; do
  echo "-- $mode"
  idle_run tern "$users" "$mode" "$BENCH_WORK/idle-$mode.json"
done
echo "== summary (Tern JVM: $TERN_JAVA_OPTS)"
for mode in ${MODES:-plain starttls}; do
  jq -r --arg m "$mode" '"\($m): \(.established)/\(.users) sessions, \(.kib_per_session) KiB/session (RSS \(.rss_before_kib) -> \(.rss_after_kib) KiB), login ramp \(.ramp_per_second) sessions/s"' \
    "$BENCH_WORK/idle-$mode.json"
done
