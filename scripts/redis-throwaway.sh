#!/usr/bin/env bash
# Throwaway Redis for tests (no persistence, random port, temp dir).
#   redis-throwaway.sh start          -> prints REDIS_URL=... and REDISTHROWAWAY_DIR=... on stdout
#   redis-throwaway.sh stop DIR       -> stops the server in DIR and removes DIR
#   redis-throwaway.sh run -- CMD...  -> start, export REDIS_URL, run CMD, always stop; exits with CMD's status
set -euo pipefail

log() { echo "redis-throwaway: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

ensure_installed() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  [[ $EUID -eq 0 ]] || die "redis-server not found and not root. Install it, e.g.: sudo apt-get install -y redis-server"
  command -v apt-get >/dev/null 2>&1 || die "redis-server not found and apt-get unavailable"
  log "installing redis-server via apt-get (needs network)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends redis-server >&2 || die "apt-get install redis-server failed"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

cmd_start() {
  ensure_installed
  dir=$(mktemp -d /tmp/redisthrow.XXXXXX)
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then cat "$dir/redis.log" >&2 2>/dev/null || true; cmd_stop "$dir" || true; fi' EXIT
  local port ok=""
  for _ in 1 2 3 4 5; do # the free port may be taken between probe and bind
    port=$(free_port)
    if redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2; then
      for _ in $(seq 100); do
        if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then ok=1; break; fi
        if [[ -f "$dir/redis.pid" ]] && ! kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then break; fi
        sleep 0.1
      done
    fi
    [[ -n "$ok" ]] && break
    log "start on port $port failed, retrying"
  done
  [[ -n "$ok" ]] || die "redis-server did not start"
  trap - EXIT
  echo "REDIS_URL=redis://127.0.0.1:$port"
  echo "REDISTHROWAWAY_DIR=$dir"
}

cmd_stop() {
  local dir="${1:-}"
  [[ -n "$dir" && -d "$dir" ]] || die "usage: $0 stop DIR (directory printed as REDISTHROWAWAY_DIR)"
  [[ "$dir" == /tmp/redisthrow.* ]] || die "refusing to remove '$dir' (expected /tmp/redisthrow.*)"
  if [[ -f "$dir/redis.pid" ]]; then
    local pid; pid=$(cat "$dir/redis.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

cmd_run() {
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "usage: $0 run -- CMD [ARGS...]"
  local out; out=$(cmd_start) || exit 1
  local dir; dir=$(sed -n 's/^REDISTHROWAWAY_DIR=//p' <<<"$out")
  export REDIS_URL; REDIS_URL=$(sed -n 's/^REDIS_URL=//p' <<<"$out")
  trap 'cmd_stop "$dir" || true' EXIT
  trap 'exit 130' INT TERM
  local rc=0; "$@" || rc=$?
  exit $rc
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop)  shift; cmd_stop "$@" ;;
  run)   shift; cmd_run "$@" ;;
  *) echo "usage: $0 start | stop DIR | run -- CMD..." >&2; exit 2 ;;
esac
