#!/usr/bin/env bash
# Throwaway PostgreSQL for tests.
#   pg-throwaway.sh start          -> prints DATABASE_URL=... and PGTHROWAWAY_DIR=... on stdout
#   pg-throwaway.sh stop DIR       -> stops the server in DIR and removes DIR
#   pg-throwaway.sh run -- CMD...  -> start, export DATABASE_URL, run CMD, always stop; exits with CMD's status
# Env: PG_BINDIR (force bin dir), PG_DBNAME (default "test").
set -euo pipefail

log() { echo "pg-throwaway: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/pg_ctl" ]]; then echo "$PG_BINDIR"; return 0; fi
  local d
  # Debian/Ubuntu: /usr/lib/postgresql/<ver>/bin (not on PATH); pick the highest version
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  # Other distros / custom installs: initdb on PATH
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

ensure_installed() {
  find_bindir && return 0
  if [[ $EUID -ne 0 ]]; then
    die "PostgreSQL server binaries (initdb, pg_ctl) not found and not root. Install them, e.g.: sudo apt-get install -y postgresql  (or set PG_BINDIR)"
  fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL not found and apt-get unavailable; install PostgreSQL or set PG_BINDIR"
  log "installing postgresql via apt-get (needs network)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
  find_bindir || die "postgresql installed but initdb/pg_ctl not found"
}

# Run a command as the server owner: postgres (or nobody) when root, else ourselves.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi
}

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  else
    local p
    for _ in $(seq 50); do
      p=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
  fi
}

cmd_start() {
  # globals on purpose: the EXIT trap below needs them after die()
  bindir="" dir="" port="" url="" dbname="${PG_DBNAME:-test}"
  bindir=$(ensure_installed | tail -n1)
  [[ -x "$bindir/pg_ctl" ]] || die "no pg_ctl in '$bindir'"
  OWNER=$(id -un)
  if [[ $EUID -eq 0 ]]; then
    if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
  fi
  # Short path under /tmp: postgres user must be able to traverse it, and the
  # unix socket path must stay < 107 bytes. Don't use $TMPDIR (may be /root/...).
  dir=$(mktemp -d /tmp/pgthrow.XXXXXX)
  chmod 700 "$dir"
  [[ $EUID -eq 0 ]] && chown "$OWNER" "$dir"
  cd "$dir"   # runuser keeps cwd; avoid "could not change directory" noise
  # On failure, clean up what we created.
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then log "start failed; log follows"; cat "$dir/server.log" "$dir/initdb.log" >&2 2>/dev/null || true; as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi' EXIT

  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync \
    -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || die "initdb failed: $(tail -n5 "$dir/initdb.log")"

  local ok=""
  for _ in 1 2 3 4 5; do   # retry: the free port may be taken between probe and bind
    port=$(free_port) || die "could not find a free port"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -s \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2; then ok=1; break; fi
    log "start on port $port failed, retrying"
  done
  [[ -n "$ok" ]] || die "pg_ctl start failed"

  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$dbname" >&2 || die "createdb failed"
  url="postgres://postgres@127.0.0.1:$port/$dbname"
  echo "$url" >"$dir/url"; echo "$bindir" >"$dir/bindir"
  trap - EXIT
  echo "DATABASE_URL=$url"
  echo "PGTHROWAWAY_DIR=$dir"
}

cmd_stop() {
  local dir="${1:-}" bindir
  [[ -n "$dir" && -d "$dir" ]] || die "usage: $0 stop DIR (directory printed as PGTHROWAWAY_DIR)"
  [[ -f "$dir/data/PG_VERSION" || ! -d "$dir/data" ]] || die "$dir does not look like a pg-throwaway dir"
  [[ "$dir" == /tmp/pgthrow.* ]] || die "refusing to remove '$dir' (expected /tmp/pgthrow.*)"
  bindir=$(cat "$dir/bindir" 2>/dev/null || find_bindir || true)
  OWNER=$(stat -c %U "$dir")
  cd /
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -s stop >&2; then
      local pid; pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      [[ -n "$pid" ]] && kill -QUIT "$pid" 2>/dev/null || true   # SIGQUIT = immediate shutdown
      sleep 0.5
    fi
  fi
  rm -rf "$dir"
}

cmd_run() {
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "usage: $0 run -- CMD [ARGS...]"
  local out; out=$(cmd_start) || exit 1
  local dir; dir=$(sed -n 's/^PGTHROWAWAY_DIR=//p' <<<"$out")
  export DATABASE_URL; DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' <<<"$out")
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
