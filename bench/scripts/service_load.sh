#!/usr/bin/env bash
# rodtrad-server under wrk on loopback, beside a bare Poco handler that returns a fixed body,
# in one run: requests per second and latency (median, p99) at 50 connections for GET of a
# document's metadata, GET of its content, and POST of workflow transitions (each a durable,
# audited transaction). The service is seeded with the example municipality.
#
#   bench/scripts/service_load.sh [SECONDS] [ROUNDS]     (default 10 s, 3 rounds)
set -euo pipefail
source "$(dirname "$0")/common.sh"
seconds=${1:-10}
rounds=${2:-3}
seed=${3:-$root/examples/upplands-vasby}
# The documents the requests use: the strategic plan and the communication log, by their ids.
header_id() { grep -m1 -o '<id>[^<]*</id>' "$1" | sed 's/<[^>]*>//g'; }
plan_id=$(header_id "$seed/strategic-plan.xml")
plan_kb=$(( $(stat -c %s "$seed/strategic-plan.xml") / 1000 ))
log_id=$(header_id "$seed/ems/communication-log.xml")
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
cmake --preset release >/dev/null
cmake --build --preset release --target rodtrad-server bare-poco-server >/dev/null
server=$build/workflow/rodtrad-server
bare=$build/bench/bare-poco-server

data=$(mktemp -d)
admin=$("$server" user add --data "$data" --name admin --role admin)
reviewer=$("$server" user add --data "$data" --name reviewer --role reviewer)
log=$(mktemp)
"$server" serve --data "$data" --port 0 --seed "$seed" > "$log" 2>&1 &
service_pid=$!
barelog=$(mktemp)
"$bare" 0 "$seed/strategic-plan.xml" > "$barelog" 2>&1 &
bare_pid=$!
trap 'kill $service_pid $bare_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data" "$log" "$barelog"' EXIT
service_port=$(port_of "$log" $service_pid)
bare_port=$(port_of "$barelog" $bare_pid)

export ADMIN_TOKEN=$admin REVIEWER_TOKEN=$reviewer
export TRANSITION_PATH=/api/v1/documents/$log_id/transitions
service=http://127.0.0.1:$service_port
targets=(
  "bare Poco handler, fixed body|http://127.0.0.1:$bare_port/"
  "GET /api/v1/documents/{id}|-H|Authorization: Bearer $admin|$service/api/v1/documents/$plan_id"
  "bare Poco handler, the same $plan_kb KB document|http://127.0.0.1:$bare_port/content"
  "GET /api/v1/documents/{id}/content ($plan_kb KB)|-H|Authorization: Bearer $admin|$service/api/v1/documents/$plan_id/content"
  "POST /api/v1/documents/{id}/transitions|-s|$root/bench/service/transitions.lua|$service$TRANSITION_PATH"
)
# The targets take turns, round after round, so that a noisy moment on the shared machine
# falls on all of them; each figure is the median over the rounds.
results=$(mktemp)
for round in $(seq "$rounds"); do
  for i in "${!targets[@]}"; do
    IFS='|' read -r -a t <<< "${targets[$i]}"
    echo "$i $(run_wrk -t2 -c50 -d"${seconds}s" "${t[@]:1}")" >> "$results"
  done
done
printf '| target | requests/s | ratio to its bare handler | median latency ms | p99 latency ms | non-2xx responses |\n|---|---|---|---|---|---|\n'
for i in "${!targets[@]}"; do
  name=${targets[$i]%%|*}
  bare=$(( i == 1 ? 0 : i == 3 ? 2 : -1 ))
  awk -v i="$i" -v b="$bare" -v name="$name" '
    function median(a, n,   k, j, t) {
      for (k = 1; k <= n; k++) for (j = k + 1; j <= n; j++) if (a[j] < a[k]) { t = a[k]; a[k] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == i {n++; rps[n] = $2; p50[n] = $3; p99[n] = $4; bad[n] = $5}
    $1 == b {m++; brps[m] = $2}
    END {
      r = median(rps, n)
      ratio = m ? sprintf("%.2f", r / median(brps, m)) : "-"
      printf "| %s | %.0f | %s | %.2f | %.2f | %.0f |\n", name, r, ratio, median(p50, n), median(p99, n), median(bad, n)
    }' "$results"
done
rm -f "$results"
"$server" audit verify --data "$data" >&2
