#!/usr/bin/env bash
# rodtrad-server under wrk on loopback, beside a bare Poco handler that returns a fixed body,
# in one run: requests per second and latency (median, p99) at 50 connections for GET of a
# document's metadata, GET of its content, and POST of workflow transitions (each a durable,
# audited transaction). The service is seeded with the example municipality.
#
#   bench/scripts/service_load.sh [SECONDS]     (default 10)
set -euo pipefail
source "$(dirname "$0")/common.sh"
seconds=${1:-10}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
cmake --preset release >/dev/null
cmake --build --preset release --target rodtrad-server bare-poco-server >/dev/null
server=$build/workflow/rodtrad-server
bare=$build/bench/bare-poco-server

data=$(mktemp -d)
admin=$("$server" user add --data "$data" --name admin --role admin)
reviewer=$("$server" user add --data "$data" --name reviewer --role reviewer)
log=$(mktemp)
"$server" serve --data "$data" --port 0 --seed "$root/examples/upplands-vasby" > "$log" 2>&1 &
service_pid=$!
barelog=$(mktemp)
"$bare" 0 > "$barelog" 2>&1 &
bare_pid=$!
trap 'kill $service_pid $bare_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data" "$log" "$barelog"' EXIT
port_of() { for _ in $(seq 100); do grep -o 'listening on http://[0-9.]*:[0-9]*' "$1" | sed 's/.*://' && return; sleep 0.1; done; }
service_port=$(port_of "$log")
bare_port=$(port_of "$barelog")

# wrk's summary: requests/s, median and p99 latency.
run() {
  wrk -t2 -c50 -d"${seconds}s" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    /Non-2xx/ {non2xx=$NF}
    END {printf "%s | %s | %s | %s", rps, p50, p99, (non2xx == "" ? 0 : non2xx)}'
}

printf '| target | requests/s | median latency | p99 latency | non-2xx responses |\n|---|---|---|---|---|\n'
printf '| bare Poco handler, fixed body | %s |\n' "$(run "http://127.0.0.1:$bare_port/")"
printf '| GET /api/v1/documents/{id} | %s |\n' \
  "$(run -H "Authorization: Bearer $admin" "http://127.0.0.1:$service_port/api/v1/documents/sp-2025-2027")"
printf '| GET /api/v1/documents/{id}/content (25 KB) | %s |\n' \
  "$(run -H "Authorization: Bearer $admin" "http://127.0.0.1:$service_port/api/v1/documents/sp-2025-2027/content")"
export ADMIN_TOKEN=$admin REVIEWER_TOKEN=$reviewer
export TRANSITION_PATH=/api/v1/documents/kommunikationslogg-miljo/transitions
printf '| POST /api/v1/documents/{id}/transitions | %s |\n' \
  "$(run -s "$root/bench/service/transitions.lua" "http://127.0.0.1:$service_port$TRANSITION_PATH")"
"$server" audit verify --data "$data" >&2
