#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for tests.
#   pg-harness.sh start   initdb in a temp dir, start on a free loopback port, create database "flis",
#                         print the URL
#   pg-harness.sh url     print the URL of the running server
#   pg-harness.sh stop    stop the server and remove its dir
#   pg-harness.sh crash   SIGKILL the postmaster, then every process it had started (a crash of the whole
#                         server: nothing is flushed or shut down cleanly)
#   pg-harness.sh restart start the server again on its dir and port (after crash: crash recovery replays
#                         the WAL)
# FLIS_PG_FSYNC=on (at start) runs it as production does (docs/production.md): fsync=on,
# synchronous_commit=on, full_page_writes=on — for durability proofs and benchmarks of commits. By
# default fsync=off: faster for functional tests, but an acknowledged commit is then only in the OS
# page cache, so such a server proves nothing about durability. (With it, crash recovery syncs the data
# dir with one syncfs instead of an fsync per file: recovery_init_sync_method=syncfs. initdb itself
# runs --no-sync, as its files are synced at the latest by that recovery or the next checkpoint.)
# The server's dir is remembered in $FLIS_PG_HARNESS_STATE (default /tmp/flis-pg-harness.state), so
# parallel users can keep separate servers by setting it. PostgreSQL refuses to run as root, so the
# server runs as the `postgres` OS user in a dir that user owns.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
STATE=${FLIS_PG_HARNESS_STATE:-/tmp/flis-pg-harness.state}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

state_dir() {
  [ -f "$STATE" ] || { echo "pg-harness: no server (no $STATE)" >&2; exit 1; }
  cat "$STATE"
}

url_of() { echo "postgresql://postgres@127.0.0.1:$(cat "$1/port")/flis"; }

start() {
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
    echo "pg-harness: already running in $(cat "$STATE")" >&2
    exit 1
  fi
  local dir port
  dir=$(mktemp -d /tmp/flis-pg.XXXXXX)
  chmod 755 "$dir"
  mkdir "$dir/data" "$dir/socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi
  as_postgres "$PG_BIN/initdb" --no-sync -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  local durability="-c fsync=off"
  case ${FLIS_PG_FSYNC:-off} in
    on) durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c recovery_init_sync_method=syncfs" ;;
    off) ;;
    *) echo "pg-harness: FLIS_PG_FSYNC must be on or off" >&2; rm -rf "$dir"; exit 2 ;;
  esac
  # The port may be taken between choosing and binding it; try a few times.
  local started=0
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    echo "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 $durability -c max_connections=200" >"$dir/options"
    if as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(cat "$dir/options")" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
  done
  if [ "$started" -ne 1 ]; then
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    exit 1
  fi
  echo "$port" >"$dir/port"
  as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres flis
  echo "$dir" >"$STATE"
  url_of "$dir"
}

stop() {
  local dir
  dir=$(state_dir)
  if [ -d "$dir/data" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$STATE"
}

# The postmaster's pid (first line of postmaster.pid), or nothing when it is not running (a killed
# one may linger as a zombie until its parent reaps it).
postmaster_pid() {
  local pid state
  pid=$(head -1 "$1/data/postmaster.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] || return 0
  state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 0
  case $state in Z*) ;; *) echo "$pid" ;; esac
}

crash() {
  local dir pid children
  dir=$(state_dir)
  pid=$(postmaster_pid "$dir")
  [ -n "$pid" ] || { echo "pg-harness: no postmaster running in $dir" >&2; exit 1; }
  children=$(ps -o pid= --ppid "$pid" || true)
  kill -KILL "$pid"
  # shellcheck disable=SC2086 # one pid a word
  [ -z "$children" ] || kill -KILL $children 2>/dev/null || true
  echo "$pid"
}

restart() {
  local dir
  dir=$(state_dir)
  [ -z "$(postmaster_pid "$dir")" ] || { echo "pg-harness: already running in $dir" >&2; exit 1; }
  # A backend of the killed server still holding the shared memory makes the start fail: retry a while.
  for _ in $(seq 50); do
    if as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" \
      start >/dev/null 2>&1; then
      url_of "$dir"
      return 0
    fi
    sleep 0.2
  done
  tail -20 "$dir/server.log" >&2 || true
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  crash) crash ;;
  restart) restart ;;
  url) url_of "$(state_dir)" ;;
  *)
    echo "usage: $0 start|stop|url|crash|restart" >&2
    exit 2
    ;;
esac
