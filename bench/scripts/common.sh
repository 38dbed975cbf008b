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
