# Shared by the bench/*.sh scripts: the generator jar, server start/stop by kind, clean-up on exit.
# Source after `set -euo pipefail`. Servers: tern, prosody, ejabberd. Everything listens on 127.0.0.1.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_JAR="$BENCH_ROOT/tern-bench/target/tern-bench.jar"
BENCH_DOMAIN="${BENCH_DOMAIN:-bench.test}"
BENCH_PASSWORD="${BENCH_PASSWORD:-bench-secret}"
BENCH_PORT="${BENCH_PORT:-25222}"
# The Tern JVM's settings; stated in every output. The launcher honours JAVA_OPTS.
TERN_JAVA_OPTS="${TERN_JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20}"
# The generator's own JVM: C1 only and a serial GC cost the shared cores least (about a third less CPU).
GEN_JAVA_OPTS="${GEN_JAVA_OPTS:--Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
BENCH_WORK="$(mktemp -d /tmp/tern-bench.XXXXXX)"
chmod 755 "$BENCH_WORK"   # ejabberd runs as its own user and must reach its directory
SERVER_KIND= SERVER_PID= GEN_EXTRA=()

source "$BENCH_ROOT/bench/lib/prosody.sh"
source "$BENCH_ROOT/bench/lib/ejabberd.sh"

bench_cleanup() {
  server_stop || true
  [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$BENCH_WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

bench_jar() {
  if [[ ! -f "$BENCH_JAR" ]]; then
    echo "building tern-bench ..." >&2
    (cd "$BENCH_ROOT" && mvn -B -q -o -pl tern-bench package -DskipTests) >&2
  fi
}

# gen ARGS...: one load-generator process against the running server
gen() {
  # shellcheck disable=SC2086
  java $GEN_JAVA_OPTS -jar "$BENCH_JAR" --host 127.0.0.1 --port "$BENCH_PORT" --domain "$BENCH_DOMAIN" \
    --password "$BENCH_PASSWORD" --server-pid "$SERVER_PID" "${GEN_EXTRA[@]}" "$@"
}

server_available() { # KIND
  case $1 in
    tern) [[ -f "$BENCH_ROOT/tern-app/target/tern-app.jar" && -d "$BENCH_ROOT/tern-app/target/lib" ]] ;;
    prosody) command -v prosody >/dev/null ;;
    ejabberd) command -v ejabberdctl >/dev/null ;;
    *) return 1 ;;
  esac
}

server_version() { # KIND
  case $1 in
    tern) echo "tern $(cd "$BENCH_ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?') (working tree); JVM: $TERN_JAVA_OPTS" ;;
    prosody) echo "prosody $(dpkg-query -W -f='${Version}' prosody 2>/dev/null || echo '?')" ;;
    ejabberd) echo "ejabberd $(dpkg-query -W -f='${Version}' ejabberd 2>/dev/null || echo '?')" ;;
  esac
}

# server_start KIND USERS: fresh data directory, USERS accounts u1..uUSERS, server listening; sets SERVER_PID
server_start() {
  local kind=$1 users=$2 dir
  dir="$(mktemp -d "$BENCH_WORK/$kind.XXXX")"
  SERVER_KIND=$kind GEN_EXTRA=()
  case $kind in
    tern) tern_start "$dir" "$users" ;;
    prosody)
      prosody_config "$dir" "$BENCH_PORT" "$BENCH_DOMAIN"
      prosody_users "$dir" "$BENCH_DOMAIN" u "$users" "$BENCH_PASSWORD"
      prosody_start "$dir" "$BENCH_PORT" "$BENCH_DOMAIN"
      SERVER_PID=$PROSODY_PID ;;
    ejabberd)
      ejabberd_start "$dir" "$BENCH_PORT" "$BENCH_DOMAIN"
      SERVER_PID=$EJABBERD_PID
      # ejabberd salts each account: register in band once (not measured) keeping the derived keys,
      # then restart so that memory freed by the registrations does not hide the sessions' memory.
      GEN_EXTRA=(--key-cache "$dir/scram-keys")
      echo "  (registering $users accounts in band and restarting; not measured)"
      gen --users "$users" --register --max-in-flight 50 --no-presence --json >/dev/null
      ejabberd_stop
      ejabberd_start "$dir" "$BENCH_PORT" "$BENCH_DOMAIN"
      SERVER_PID=$EJABBERD_PID ;;
  esac
  sleep "${BENCH_SETTLE:-3}"   # let the server finish starting before RSS is read
}

server_stop() {
  case $SERVER_KIND in
    tern) tern_stop ;;
    prosody) prosody_stop ;;
    ejabberd) ejabberd_stop ;;
  esac
  SERVER_KIND= SERVER_PID=
}

# Env for tern_start: TERN_HTTP_PORT (default -1: off), TERN_EXTRA_YAML (more settings), TERN_USER_PREFIX
# and TERN_USER_WIDTH (accounts PREFIX1..PREFIXN, zero-padded to WIDTH digits; default u, no padding).
tern_start() { # DIR USERS
  local dir=$1 users=$2 store="store: { kind: embedded }"
  # BENCH_STORE=postgres: a fresh database on the local PostgreSQL (trust auth), dropped by tern_stop.
  if [[ ${BENCH_STORE:-embedded} == postgres ]]; then
    TERN_PG_DB="tern_bench_$$_$RANDOM"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $TERN_PG_DB" >/dev/null
    store="store: { kind: postgres, url: 'jdbc:postgresql://127.0.0.1:5432/$TERN_PG_DB', user: postgres, pool: 10 }"
  fi
  cat > "$dir/tern.yaml" <<CFG
# Benchmark settings: loopback, no direct-TLS port (HTTP only when asked), encryption optional so plain
# c2s can be measured (the generator still does STARTTLS when asked), no per-IP cap on concurrent logins.
domain: $BENCH_DOMAIN
data: $dir/data
bind: 127.0.0.1
ports: { c2s: $BENCH_PORT, tls: -1, http: ${TERN_HTTP_PORT:--1} }
tls: { required: false }
limits: { unauthenticatedPerIp: 1000000, idleTimeoutSeconds: 3600 }
$store
${TERN_EXTRA_YAML:-}
CFG
  (cd "$BENCH_ROOT" && ./tern admin user add-bulk --config "$dir/tern.yaml" --prefix "${TERN_USER_PREFIX:-u}" \
    --width "${TERN_USER_WIDTH:-0}" --count "$users" --password "$BENCH_PASSWORD") | sed 's/^/  tern: /'
  (cd "$BENCH_ROOT" && JAVA_OPTS="$TERN_JAVA_OPTS" exec ./tern server --config "$dir/tern.yaml") >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 300; i++)); do
    grep -q '^tern listening' "$dir/server.log" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "tern server exited:"; tail -20 "$dir/server.log"; return 1; }
    sleep 0.1
  done
  echo "tern server did not start in 30 s" >&2
  tail -20 "$dir/server.log" >&2
  return 1
}

tern_stop() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    local i
    for ((i = 0; i < 100; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n ${TERN_PG_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $TERN_PG_DB" >/dev/null || true
    TERN_PG_DB=
  fi
}

# machine_check: how idle the machine is just before a measurement (others' builds skew every figure)
machine_check() {
  local idle
  idle=$(vmstat 1 2 | tail -1 | awk '{print $15}')
  echo "  machine: ${idle}% CPU idle over the last second, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  (( idle >= ${BENCH_MIN_IDLE:-80} )) || echo "  WARNING: the machine is busy; figures from this run are not comparable" >&2
}

# idle_run KIND USERS MODE(plain|starttls) JSON: memory per idle session and login ramp
idle_run() {
  local kind=$1 users=$2 mode=$3 json=$4 tls=()
  [[ $mode == starttls ]] && tls=(--starttls)
  server_start "$kind" "$users"
  machine_check
  gen --users "$users" "${tls[@]}" --hold "${BENCH_HOLD:-5}" --json-out "$json"
  server_stop
}

# sweep_run KIND USERS MODE RATES JSON: message steps until p99 passes 100 ms
sweep_run() {
  local kind=$1 users=$2 mode=$3 rates=$4 json=$5 tls=()
  [[ $mode == starttls ]] && tls=(--starttls)
  server_start "$kind" "$users"
  machine_check
  gen --users "$users" "${tls[@]}" --hold "${BENCH_WARMUP:-3}" --rate "$rates" --duration "${BENCH_STEP_SECONDS:-10}" \
    --stop-above-p99-ms 100 --json-out "$json"
  server_stop
}

# best_rate JSON: the highest target rate whose p99 < 100 ms and that lost nothing
best_rate() {
  jq -r '[.steps[] | select(.p99_ms < 100 and .lost == 0 and .not_sent == 0) | .target_rate] | max // 0' "$1"
}
