#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 + PostGIS on loopback for the store's tests,
# per /work/shared/research/INFRA.md §1, and export DATABASE_URL
# (postgresql+psycopg://rasd:rasd@127.0.0.1:PORT/rasd).
#
# Source it (. .ci/postgres.sh) as root on Debian 12: it apt-installs
# postgresql-15-postgis-3 when missing, runs initdb in a fresh temp folder,
# starts the server on 127.0.0.1 and a random free port (private socket dir,
# fsync off: test data only), creates role + database rasd with PostGIS, and
# stops the server and deletes the folder when the sourcing shell exits
# (chained before any EXIT trap already set; or call rasd_pg_stop yourself).
# Never fails the caller: if PostgreSQL cannot be installed or started it says
# so loudly, leaves DATABASE_URL unset, and the PostgreSQL tests skip.
# An already set, reachable DATABASE_URL is kept as it is.

rasd_pg_stop() {
  if [ -n "${_RASD_PGROOT:-}" ] && [ -d "$_RASD_PGROOT" ]; then
    _rasd_as_pg "$_RASD_PGBIN/pg_ctl" -D "$_RASD_PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$_RASD_PGROOT"
  fi
  _RASD_PGROOT=""
}

_rasd_as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}

_rasd_pg_warn() {
  echo "postgres.sh: WARNING: $1; PostgreSQL store tests will be SKIPPED" >&2
  unset DATABASE_URL
  rasd_pg_stop
  return 0
}

_rasd_pg_setup() {
  if [ -n "${DATABASE_URL:-}" ] && command -v psql >/dev/null &&
     psql "$(echo "$DATABASE_URL" | sed 's/+psycopg//')" -Atqc 'select 1' >/dev/null 2>&1; then
    echo "postgres.sh: using the DATABASE_URL already set"
    return 0
  fi
  if ! ls /usr/lib/postgresql/*/lib/postgis-3.so >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then _rasd_pg_warn "PostGIS is not installed and installing it needs root"; return 0; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      postgresql-15-postgis-3 postgresql-15-postgis-3-scripts >/dev/null 2>&1 ||
      { _rasd_pg_warn "could not apt-get install postgresql-15-postgis-3"; return 0; }
  fi
  _RASD_PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ ! -x "$_RASD_PGBIN/initdb" ]; then _rasd_pg_warn "no PostgreSQL server binaries under /usr/lib/postgresql"; return 0; fi
  _RASD_PGROOT="$(mktemp -d /tmp/rasd-pg.XXXXXX)" || { _rasd_pg_warn "mktemp failed"; return 0; }
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$_RASD_PGROOT"; fi
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')" ||
    { _rasd_pg_warn "could not pick a free port"; return 0; }
  _rasd_as_pg "$_RASD_PGBIN/initdb" -D "$_RASD_PGROOT/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$_RASD_PGROOT/initdb.log" 2>&1 ||
    { _rasd_pg_warn "initdb failed (see $_RASD_PGROOT/initdb.log)"; return 0; }
  _rasd_as_pg "$_RASD_PGBIN/pg_ctl" -D "$_RASD_PGROOT/data" -l "$_RASD_PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$_RASD_PGROOT -c fsync=off" \
    start >/dev/null 2>&1 || { _rasd_pg_warn "the server did not start"; return 0; }
  local psql_="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $port -U postgres"
  { $psql_ -d postgres -c "CREATE ROLE rasd LOGIN PASSWORD 'rasd'" &&
    $psql_ -d postgres -c "CREATE DATABASE rasd OWNER rasd" &&
    $psql_ -d rasd -c "CREATE EXTENSION IF NOT EXISTS postgis"; } >/dev/null 2>&1 ||
    { _rasd_pg_warn "could not create the rasd database with PostGIS"; return 0; }
  export DATABASE_URL="postgresql+psycopg://rasd:rasd@127.0.0.1:$port/rasd"
  local previous
  previous="$(trap -p EXIT)"
  previous="${previous#trap -- \'}"
  previous="${previous%\' EXIT}"
  # shellcheck disable=SC2064
  trap "rasd_pg_stop; ${previous}" EXIT
  echo "postgres.sh: PostgreSQL $("$_RASD_PGBIN/postgres" --version | awk '{print $3}') + PostGIS on 127.0.0.1:$port (DATABASE_URL set)"
}

_rasd_pg_setup
