#!/usr/bin/env bash
# Installs the real XMPP clients driven by tern-app's im.tern.app.clients tests (go-sendxmpp,
# profanity, and tmux to give profanity a terminal) from Debian, only those that are missing.
# Idempotent and quiet: prints nothing and touches nothing when all are present.
set -euo pipefail

# command on the PATH -> Debian package that provides it
declare -A package=([go-sendxmpp]=go-sendxmpp [profanity]=profanity [tmux]=tmux)

missing=()
for cmd in "${!package[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${package[$cmd]}")
done
if (( ${#missing[@]} == 0 )); then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-clients: no apt-get here; install these yourself: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if (( $(id -u) != 0 )); then sudo=(sudo -n); fi

echo "install-clients: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
