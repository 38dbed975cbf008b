#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's packages:
#   postgres-server.sh start DIR    initdb in DIR and start, listening on a socket in DIR only
#                                   (no TCP port to collide with anything else on the machine)
#   postgres-server.sh stop DIR     stop it and remove DIR
# The tests reach it as postgresql://postgres@/postgres?host=DIR. As root the server runs as the
# user postgres (initdb refuses root).
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "no PostgreSQL server: install the package postgresql" >&2; exit 2; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
case $action in
  start)
    stop
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-k $dir -c listen_addresses='' -c max_connections=300 -c shared_buffers=64MB" start >/dev/null
    echo "PostgreSQL running in $dir"
    ;;
  stop) stop ;;
  *) echo "usage: postgres-server.sh start|stop DIR" >&2; exit 2 ;;
esac
