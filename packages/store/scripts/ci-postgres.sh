#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for @gongzhi/store's server suite and prints the URL to
# give it, on stdout and nothing else (all other output goes to stderr):
#
#   export GONGZHI_TEST_POSTGRES_URL="$(bash packages/store/scripts/ci-postgres.sh)"
#   export GONGZHI_TEST_REQUIRE_SERVER=1   # a missing or unreachable server is then a failure
#
# Installs Debian's PostgreSQL server when it is not there (apt-get update, then apt-get install
# -y postgresql; needs root or sudo), makes a cluster in GONGZHI_PG_DIR (default
# /tmp/gongzhi-ci-postgres, replaced), starts it on 127.0.0.1:GONGZHI_PG_PORT (default 54329) as
# the postgres user (trust authentication: loopback only, for tests), creates the database
# gongzhi_test. Stop it with: pg_ctl -D "$GONGZHI_PG_DIR/data" stop (as the same user).
set -euo pipefail

dir="${GONGZHI_PG_DIR:-/tmp/gongzhi-ci-postgres}"
port="${GONGZHI_PG_PORT:-54329}"
db="gongzhi_test"

as_root=""
if [ "$(id -u)" != 0 ]; then as_root="sudo -n"; fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "installing Debian's PostgreSQL server…" >&2
  $as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
echo "using $bin" >&2

# Run as the postgres user when we are root (the server refuses to run as root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true; fi
rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >&2
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=100" start >&2
as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" >&2

echo "postgres://postgres@127.0.0.1:$port/$db"
