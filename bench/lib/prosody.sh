# Prosody on loopback from a throw-away directory. Source this file; needs `prosody` (Debian package).
# prosody_start DIR PORT DOMAIN   writes a config, a self-signed certificate, starts Prosody in the
#                                  background and sets PROSODY_PID
# prosody_users DIR DOMAIN PREFIX COUNT PASSWORD   creates PREFIX1..PREFIXCOUNT (one prosodyctl call,
#                                  then copies of its SCRAM-SHA-1 record: same salt, as bulk tools do)
# prosody_stop                     stops the Prosody this shell started

prosody_config() { # DIR PORT DOMAIN
  local dir=$1 port=$2 domain=$3
  mkdir -p "$dir/data" "$dir/certs"
  if [[ ! -f "$dir/certs/$domain.crt" ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=$domain" \
      -addext "subjectAltName=DNS:$domain" -keyout "$dir/certs/$domain.key" -out "$dir/certs/$domain.crt" 2>/dev/null
  fi
  cat > "$dir/prosody.cfg.lua" <<CFG
-- Benchmark Prosody: loopback only, no s2s, no HTTP, no rate limits, hashed passwords.
run_as_root = true
daemonize = false
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
log = { { levels = { min = "error" }, to = "file", filename = "$dir/prosody.log" } }
network_backend = "epoll"
c2s_ports = { $port }
c2s_interfaces = { "127.0.0.1" }
s2s_ports = { }
http_ports = { }
https_ports = { }
c2s_direct_tls_ports = { }
admin_socket = "$dir/prosody.sock"
modules_enabled = {
  "roster"; "saslauth"; "tls"; "disco"; "carbons"; "pep"; "private"; "blocklist";
  "vcard4"; "vcard_legacy"; "version"; "uptime"; "time"; "ping"; "register"; "posix"; "smacks";
}
modules_disabled = { "s2s" }
c2s_require_encryption = false
allow_registration = true
min_seconds_between_registrations = 0
authentication = "internal_hashed"
certificates = "$dir/certs"
ssl = { key = "$dir/certs/$domain.key"; certificate = "$dir/certs/$domain.crt"; }
VirtualHost "$domain"
CFG
}

prosody_users() { # DIR DOMAIN PREFIX COUNT PASSWORD
  local dir=$1 domain=$2 prefix=$3 count=$4 password=$5
  prosodyctl --config "$dir/prosody.cfg.lua" register "${prefix}1" "$domain" "$password" >/dev/null 2>&1
  local host_dir="$dir/data/${domain//./%2e}/accounts"
  local first="$host_dir/${prefix}1.dat"
  [[ -f "$first" ]] || { echo "prosody_users: $first was not created" >&2; return 1; }
  local i
  for ((i = 2; i <= count; i++)); do cp "$first" "$host_dir/${prefix}$i.dat"; done
}

prosody_start() { # DIR PORT DOMAIN
  local dir=$1 port=$2 domain=$3
  prosody_config "$dir" "$port" "$domain"
  prosody --config "$dir/prosody.cfg.lua" -F >"$dir/stdout.log" 2>&1 &
  PROSODY_PID=$!
  local i
  for ((i = 0; i < 100; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$PROSODY_PID" 2>/dev/null || { echo "prosody exited:"; cat "$dir/stdout.log" "$dir/prosody.log" 2>/dev/null; return 1; }
    sleep 0.1
  done
  echo "prosody did not listen on $port" >&2
  return 1
}

prosody_stop() {
  if [[ -n "${PROSODY_PID:-}" ]] && kill -0 "$PROSODY_PID" 2>/dev/null; then
    kill "$PROSODY_PID"
    local i
    for ((i = 0; i < 150; i++)); do kill -0 "$PROSODY_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PROSODY_PID" 2>/dev/null || true
  fi
  PROSODY_PID=
}
