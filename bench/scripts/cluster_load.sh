#!/usr/bin/env bash
# rodtrad-server on SQLite and on PostgreSQL with one and with two nodes, in one run, under wrk
# on loopback: durable workflow transitions per second (each a transaction committed to disk
# before the reply) and GET latency, the targets taking turns round after round.
#
#   bench/scripts/cluster_load.sh [SECONDS] [ROUNDS] [DOCUMENTS]   (default 10 s, 3 rounds, 40)
#
# Both stores hold the example municipality; DOCUMENTS of its approved documents get a new
# draft revision first, and the transitions walk those through submit and request_changes.
# PostgreSQL is a throwaway server started here (tests/workflow/postgres-server.sh), with its
# default durability (fsync on, synchronous_commit on).
set -euo pipefail
source "$(dirname "$0")/common.sh"
seconds=${1:-10}
rounds=${2:-3}
count=${3:-40}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
cmake --preset release >/dev/null
cmake --build --preset release --target rodtrad-server >/dev/null
server=$build/workflow/rodtrad-server

scratch=$(mktemp -d)
pg=/tmp/rodtrad-bench-pg-$$
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  "$root/tests/workflow/postgres-server.sh" stop "$pg" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
"$root/tests/workflow/postgres-server.sh" start "$pg" >/dev/null

# serve NAME STORE [--seed DIR]: starts a node, prints its port.
serve() {
  local name=$1 store=$2
  shift 2
  "$server" serve --store "$store" --port 0 --max-threads 128 "$@" > "$scratch/$name.log" 2>&1 &
  pids+=($!)
  port_of "$scratch/$name.log" $!
}
# drafts PORT TOKEN: a new draft revision of the first $count approved documents; prints them.
drafts() {
  python3 - "$1" "$2" "$count" <<'PY'
import http.client, json, sys
port, token, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
auth = {"Authorization": "Bearer " + token}
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/api/v1/documents?state=approved", headers=auth)
ids = [d["id"] for d in json.loads(c.getresponse().read()) if d["kind"] != "organisation"][:count]
for i in ids:
    c.request("GET", "/api/v1/documents/%s/content" % i, headers=auth)
    r = c.getresponse(); body = r.read(); tag = r.getheader("ETag")
    c.request("PUT", "/api/v1/documents/%s/content" % i, body=body,
              headers=dict(auth, **{"If-Match": tag, "Content-Type": "application/xml"}))
    r = c.getresponse(); r.read()
    if r.status != 200:
        sys.exit("cannot revise %s: %d" % (i, r.status))
print(" ".join(ids))
PY
}

declare -A admin reviewer port documents
for store in sqlite postgresql; do
  location=$([ $store = sqlite ] && echo "sqlite:$scratch/sqlite" || echo "postgresql://postgres@/postgres?host=$pg")
  admin[$store]=$("$server" user add --store "$location" --name admin --role admin)
  reviewer[$store]=$("$server" user add --store "$location" --name rut --role reviewer)
  port[$store]=$(serve "$store" "$location" --seed "$root/examples/upplands-vasby")
  documents[$store]=$(drafts "${port[$store]}" "${admin[$store]}")
done
port[second]=$(serve second "postgresql://postgres@/postgres?host=$pg")

# measure STORE PORTS... -- WRK-ARGS: wrk against each port at once (50 connections shared
# among them); prints the summed requests/s, the largest p50 and p99, the summed non-2xx and
# requests.
measure() {
  local store=$1 ports=() jobs=() i=0
  shift
  while [ "$1" != -- ]; do ports+=("$1"); shift; done
  shift
  local connections=$((50 / ${#ports[@]}))
  for p in "${ports[@]}"; do
    # Each wrk thread of each node's wrk takes its own share of the documents.
    ADMIN_TOKEN=${admin[$store]} REVIEWER_TOKEN=${reviewer[$store]} \
      WRK_THREADS=$((2 * ${#ports[@]})) WRK_FIRST_THREAD=$((2 * i)) \
      TRANSITION_DOCUMENTS=${documents[$store]} \
      run_wrk -t2 -c"$connections" -d"${seconds}s" "${@/PORT/$p}" > "$scratch/wrk.$i" &
    jobs+=($!)
    i=$((i + 1))
  done
  wait "${jobs[@]}"
  cat "$scratch"/wrk.* | awk '{r += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; bad += $4; n += $5}
    END {printf "%.0f %.2f %.2f %d %d\n", r, p50, p99, bad, n}'
  rm -f "$scratch"/wrk.*
}

targets=(
  "SQLite, one node|sqlite ${port[sqlite]}"
  "PostgreSQL, one node|postgresql ${port[postgresql]}"
  "PostgreSQL, two nodes|postgresql ${port[postgresql]} ${port[second]}"
)
results=$scratch/results
for round in $(seq "$rounds"); do
  for i in "${!targets[@]}"; do
    read -r store ports <<< "${targets[$i]#*|}"
    # shellcheck disable=SC2086
    echo "$i post $(measure "$store" $ports -- -s "$root/bench/service/cycle.lua" "http://127.0.0.1:PORT/")" >> "$results"
    first=${documents[$store]%% *}
    # shellcheck disable=SC2086
    echo "$i get $(measure "$store" $ports -- -H "Authorization: Bearer ${admin[$store]}" \
      "http://127.0.0.1:PORT/api/v1/documents/$first")" >> "$results"
  done
done

printf '| store and nodes | transitions/s | refused | p99 ms (POST) | GET req/s | GET p50 ms | GET p99 ms |\n'
printf '|---|---|---|---|---|---|---|\n'
for i in "${!targets[@]}"; do
  grep "^$i post " "$results" | cut -d' ' -f3- > "$scratch/post"
  grep "^$i get " "$results" | cut -d' ' -f3- > "$scratch/get"
  # Transitions/s: the requests that changed a state (2xx), per second.
  awk '{print $1 * ($5 - $4) / ($5 > 0 ? $5 : 1)}' "$scratch/post" > "$scratch/ok"
  refused=$(awk '{print ($5 > 0 ? 100 * $4 / $5 : 0)}' "$scratch/post" | median)
  printf '| %s | %.0f | %.0f %% | %.1f | %.0f | %.2f | %.2f |\n' "${targets[$i]%%|*}" \
    "$(median_of 1 "$scratch/ok")" "$refused" "$(median_of 3 "$scratch/post")" \
    "$(median_of 1 "$scratch/get")" "$(median_of 2 "$scratch/get")" "$(median_of 3 "$scratch/get")"
done
for store in sqlite postgresql; do
  location=$([ $store = sqlite ] && echo "sqlite:$scratch/sqlite" || echo "postgresql://postgres@/postgres?host=$pg")
  "$server" audit verify --store "$location" >&2
done
