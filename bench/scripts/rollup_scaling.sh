#!/usr/bin/env bash
# Rollup of the L and XL workspaces on one core (taskset): wall time of the rollup stage
# itself (after loading and checking), of the whole command, and peak memory; median of RUNS
# runs, with the XL/L ratios that show how cost grows with size.
#
#   bench/scripts/rollup_scaling.sh [RUNS]     (default 3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-3}
ensure_release_build
for scale in L XL; do ensure_workspace "$scale"; done

declare -A stage total rss
for scale in L XL; do
  s=(); t=(); m=()
  for ((i = 0; i < runs; i++)); do
    timing=$(mktemp)
    usage=$(mktemp)
    /usr/bin/time -o "$usage" -f '%e %M' taskset -c 0 "$build/pipeline/rodtrad" rollup "$work/$scale" \
      --period 2025-helar -o /dev/null --timings 2> "$timing" >/dev/null
    s+=("$(awk '/timing: rollup/ {print $3}' "$timing")")
    read -r w k < <(tail -n 1 "$usage")
    t+=("$w"); m+=("$k")
    rm -f "$timing" "$usage"
  done
  stage[$scale]=$(med "${s[@]}"); total[$scale]=$(med "${t[@]}"); rss[$scale]=$(med "${m[@]}")
done
printf '| workspace | rollup stage s | whole command s | peak RSS MiB |\n|---|---|---|---|\n'
for scale in L XL; do
  printf '| %s | %s | %s | %d |\n' "$scale" "${stage[$scale]}" "${total[$scale]}" $((${rss[$scale]} / 1024))
done
printf '| XL / L | %.2f | %.2f | %.2f |\n' \
  "$(echo "${stage[XL]} / ${stage[L]}" | bc -l)" "$(echo "${total[XL]} / ${total[L]}" | bc -l)" \
  "$(echo "${rss[XL]} / ${rss[L]}" | bc -l)"
