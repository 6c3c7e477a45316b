#!/usr/bin/env bash
# The same idle-session and message-rate runs against each installed server, one after another,
# with the same generator: Tern (if built), Prosody and ejabberd (Debian packages).
# Usage: bench/peers.sh [SESSIONS] [RATES]   (default 10000 and 1000,2000,5000,10000,20000; 2000 users)
# Env: SERVERS ("tern prosody ejabberd"), MODES ("plain starttls"), BENCH_STEP_SECONDS, BENCH_HOLD.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
users=${1:-10000}
rates=${2:-1000,2000,5000,10000,20000}
(( users <= 19500 )) || { echo "at most 19500 sessions per generator process (20,000 open files)" >&2; exit 2; }
bench_jar
ran=()
for kind in ${SERVERS:-tern prosody ejabberd}; do
  if ! server_available "$kind"; then echo "== $kind: not installed/built, skipped"; continue; fi
  ran+=("$kind")
  for mode in ${MODES:-plain starttls}; do
    echo "== $kind $mode: $users idle sessions ($(server_version "$kind"))"
    idle_run "$kind" "$users" "$mode" "$BENCH_WORK/$kind-idle-$mode.json"
    echo "== $kind $mode: message steps $rates with ${MSG_USERS:-2000} users"
    sweep_run "$kind" "${MSG_USERS:-2000}" "$mode" "$rates" "$BENCH_WORK/$kind-msg-$mode.json"
  done
done
echo
echo "== summary: $users idle sessions; messages with ${MSG_USERS:-2000} users (p99 < 100 ms, no loss)"
printf '%-9s %-9s %14s %16s %14s\n' server mode KiB/session 'logins/s' 'msgs/s'
for kind in "${ran[@]}"; do
  for mode in ${MODES:-plain starttls}; do
    printf '%-9s %-9s %14s %16s %14s\n' "$kind" "$mode" \
      "$(jq -r '.kib_per_session' "$BENCH_WORK/$kind-idle-$mode.json")" \
      "$(jq -r '.ramp_per_second' "$BENCH_WORK/$kind-idle-$mode.json")" \
      "$(best_rate "$BENCH_WORK/$kind-msg-$mode.json")"
  done
done
