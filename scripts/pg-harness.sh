#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for tests.
#   pg-harness.sh start   initdb in a temp dir, start on a free loopback port, create database "flis",
#                         print the URL
#   pg-harness.sh url     print the URL of the running server
#   pg-harness.sh stop    stop the server and remove its dir
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
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  # The port may be taken between choosing and binding it; try a few times.
  local started=0
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
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

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url_of "$(state_dir)" ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
