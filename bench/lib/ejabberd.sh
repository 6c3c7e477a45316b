# ejabberd on loopback from a throw-away directory. Source this file; needs `ejabberdctl` (Debian package).
# ejabberd_start DIR PORT DOMAIN   writes a config and certificate (kept if DIR has them), starts ejabberd
#                                  (own Erlang node name, run as the `ejabberd` user as Debian's ejabberdctl
#                                  does) and sets EJABBERD_PID (the beam.smp process). Accounts are made by
#                                  the generator's --register; restart on the same DIR before measuring memory.
# ejabberd_stop                    stops the node this shell started

ejabberd_config() { # DIR PORT DOMAIN
  local dir=$1 port=$2 domain=$3
  mkdir -p "$dir/spool" "$dir/logs"
  [[ -f "$dir/server.pem" ]] || openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=$domain" \
    -addext "subjectAltName=DNS:$domain" -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
  [[ -f "$dir/server.pem" ]] || cat "$dir/key.pem" "$dir/cert.pem" > "$dir/server.pem"
  # su (as Debian's ejabberdctl uses) resets the soft open-files limit to 1024: raise it in a wrapper.
  printf '#!/bin/sh\nulimit -n "$(ulimit -Hn)"\nexec /usr/bin/erl "$@"\n' > "$dir/erl"
  chmod 755 "$dir/erl"
  echo "ERL=$dir/erl" > "$dir/ejabberdctl.cfg"
  cp /etc/ejabberd/inetrc "$dir/inetrc"
  cat > "$dir/ejabberd.yml" <<CFG
# Benchmark ejabberd: loopback only, no s2s, no HTTP, no shapers, SCRAM-SHA-256 stored credentials.
hosts: ["$domain"]
loglevel: error
certfiles: ["$dir/server.pem"]
listen:
  - port: $port
    ip: "127.0.0.1"
    module: ejabberd_c2s
    backlog: 1024   # the default, 5, drops SYNs under a login ramp (1 s retransmits)
    max_stanza_size: 262144
    access: c2s
    starttls: true
    starttls_required: false
    protocol_options: ["no_sslv3", "no_tlsv1", "no_tlsv1_1"]
s2s_access: none
auth_method: internal
auth_password_format: scram
auth_scram_hash: sha256
registration_timeout: infinity
acl:
  loopback:
    ip: ["127.0.0.0/8"]
access_rules:
  c2s:
    allow: all
  register:
    allow: all
modules:
  mod_roster: {}
  mod_disco: {}
  mod_ping: {}
  mod_private: {}
  mod_blocking: {}
  mod_privacy: {}
  mod_vcard: {}
  mod_caps: {}
  mod_pubsub: {}
  mod_stream_mgmt: {}
  mod_register:
    ip_access: all
    access: register
CFG
  chown -R ejabberd:ejabberd "$dir"
  chmod 755 "$dir"
}

ejabberd_start() { # DIR PORT DOMAIN
  local dir=$1 port=$2 domain=$3
  EJABBERD_DIR=$dir
  EJABBERD_NODE="tern_bench_$$@localhost"
  ejabberd_config "$dir" "$port" "$domain"
  ejabberdctl --node "$EJABBERD_NODE" --config-dir "$dir" --config "$dir/ejabberd.yml" \
    --ctl-config "$dir/ejabberdctl.cfg" --spool "$dir/spool" --logs "$dir/logs" foreground >"$dir/stdout.log" 2>&1 &
  EJABBERD_LAUNCHER=$!
  local i
  for ((i = 0; i < 300; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$EJABBERD_LAUNCHER" 2>/dev/null || { echo "ejabberd exited:"; tail -20 "$dir/stdout.log" "$dir/logs/"*.log 2>/dev/null; return 1; }
    sleep 0.2
  done
  # The node runs as a child of su; find the beam.smp whose command line names this node.
  EJABBERD_PID=$(pgrep -f -- "-s?name $EJABBERD_NODE" | while read -r p; do
    [[ "$(cat /proc/"$p"/comm 2>/dev/null)" == beam.smp ]] && echo "$p"; done | head -1)
  [[ -n "$EJABBERD_PID" ]] || { echo "ejabberd did not listen on $port" >&2; ejabberd_stop; return 1; }
}

ejabberd_stop() {
  [[ -n "${EJABBERD_NODE:-}" ]] || return 0
  ejabberdctl --node "$EJABBERD_NODE" --ctl-config "$EJABBERD_DIR/ejabberdctl.cfg" stop >/dev/null 2>&1 || true
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -n "${EJABBERD_PID:-}" ]] && kill -0 "$EJABBERD_PID" 2>/dev/null || break
    sleep 0.2
  done
  [[ -n "${EJABBERD_PID:-}" ]] && kill -9 "$EJABBERD_PID" 2>/dev/null || true
  [[ -n "${EJABBERD_LAUNCHER:-}" ]] && kill "$EJABBERD_LAUNCHER" 2>/dev/null || true
  EJABBERD_NODE= EJABBERD_PID= EJABBERD_LAUNCHER=
}
