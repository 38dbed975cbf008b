#!/usr/bin/env bash
# Renders the strategic plan and the follow-up report of generated workspaces on one core
# (taskset): pages, the render stage (rollup, composing, layout and PDF; after loading and
# checking), pages per second of that stage, peak memory and output size; median of RUNS.
#
#   bench/scripts/render_scaling.sh [RUNS] [SCALES]     (default: 3 "S L")
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-3}
scales=${2:-S L}
ensure_release_build
for scale in $scales; do ensure_workspace "$scale"; done

printf '| workspace | document | pages | render stage s | pages/s | whole command s | peak RSS MiB | PDF MiB |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for scale in $scales; do
  for template in strategic-plan follow-up-report; do
    s=(); t=(); m=(); pages=0; size=0
    for ((i = 0; i < runs; i++)); do
      timing=$(mktemp); usage=$(mktemp); pdf=$(mktemp --suffix=.pdf)
      /usr/bin/time -o "$usage" -f '%e %M' taskset -c 0 "$build/pipeline/rodtrad" render "$work/$scale" \
        --template "$template" --period 2025-helar -o "$pdf" --timings 2> "$timing" > "$pdf.out"
      s+=("$(awk '/timing: render/ {print $3}' "$timing")")
      read -r w k < <(tail -n 1 "$usage")
      t+=("$w"); m+=("$k")
      pages=$(grep -o '[0-9]* pages' "$pdf.out" | cut -d' ' -f1)
      size=$(stat -c %s "$pdf")
      rm -f "$timing" "$usage" "$pdf" "$pdf.out"
    done
    stage=$(med "${s[@]}")
    printf '| %s | %s | %s | %s | %.0f | %s | %d | %.1f |\n' "$scale" "$template" "$pages" "$stage" \
      "$(echo "$pages / $stage" | bc -l)" "$(med "${t[@]}")" $(($(med "${m[@]}") / 1024)) \
      "$(echo "$size / 1048576" | bc -l)"
  done
done
