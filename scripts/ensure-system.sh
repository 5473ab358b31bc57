#!/usr/bin/env bash
# Makes sure the system packages the tests need are present: Chromium (+ CJK fonts) for the H5
# end-to-end tests, the PostgreSQL server for the server tests, Redis and nginx for the scale layer. Installs them with apt-get
# when running as root; otherwise prints the exact command and fails.
set -euo pipefail

missing=()
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)

if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi

if [[ $EUID -ne 0 ]]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
command -v apt-get >/dev/null || { echo "Missing ${missing[*]} and no apt-get to install them" >&2; exit 1; }
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
