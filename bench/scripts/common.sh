# Shared helpers for the benchmark scripts (sourced).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build/release
work=$root/bench/work

ensure_release_build() {
  cmake --preset release >/dev/null
  cmake --build --preset release --target rodtrad rodtrad-gen >/dev/null
}

# ensure_workspace SCALE: generates bench/work/SCALE once (seed 1).
ensure_workspace() {
  local scale=$1
  if [ ! -d "$work/$scale" ]; then
    mkdir -p "$work"
    "$build/bench/rodtrad-gen" --scale "$scale" --seed 1 -o "$work/$scale" >&2
  fi
}

# measure COMMAND...: prints "wall_s cpu_s maxrss_kib" of one run (output discarded).
measure() {
  local out
  out=$(mktemp)
  /usr/bin/time -o "$out" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
  tail -n 1 "$out" | awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}'
  rm -f "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
med() { printf '%s\n' "$@" | median; }

# port_of LOG PID: the port a server announces once it listens (seeding a large workspace takes
# minutes); fails if the server exits first.
port_of() {
  until grep -q 'listening on http://' "$1"; do
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; return 1; }
    sleep 0.2
  done
  grep -o 'listening on http://[0-9.]*:[0-9]*' "$1" | sed 's/.*://'
}

# run_wrk WRK-ARGS...: wrk's figures for one target at 50 connections (or as the arguments say):
# requests/s, median and p99 latency in ms, non-2xx responses, requests in all.
run_wrk() {
  wrk --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=ms($2)}
    /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {non2xx=$NF}
    / requests in / {total=$1}
    END {printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, non2xx, total}'
}

# median_of FIELD FILE: the median of one whitespace-separated field over a file's lines.
median_of() { awk -v f="$1" '{print $f}' "$2" | median; }
