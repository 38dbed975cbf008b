#!/usr/bin/env bash
# Builds the ISO 14001 evidence pack of generated workspaces on one core (taskset) and verifies
# it: the pack stage (rollup, coverage matrix, every PDF, zip; after loading and checking), the
# whole command, peak memory, files, PDF pages and pack size, and the verification; median of
# RUNS.
#
#   bench/scripts/evidence_pack.sh [RUNS] [SCALES]     (default: 3 "S L")
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-3}
scales=${2:-S L}
ensure_release_build
for scale in $scales; do ensure_workspace "$scale"; done

printf '| workspace | files | PDF pages | pack stage s | whole command s | peak RSS MiB | pack MiB | verify s | verify peak RSS MiB |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for scale in $scales; do
  s=(); t=(); m=(); v=(); vm=(); summary=""
  for ((i = 0; i < runs; i++)); do
    timing=$(mktemp); usage=$(mktemp); pack=$(mktemp --suffix=.zip)
    /usr/bin/time -o "$usage" -f '%e %M' taskset -c 0 "$build/pipeline/rodtrad" evidence "$work/$scale" \
      -o "$pack" --timings 2> "$timing" > "$pack.out"
    s+=("$(awk '/timing: build pack/ {print $4}' "$timing")")
    read -r w k < <(tail -n 1 "$usage")
    t+=("$w"); m+=("$k")
    summary=$(cat "$pack.out")
    size=$(stat -c %s "$pack")
    read -r vw vk < <(measure taskset -c 0 "$build/pipeline/rodtrad" evidence verify "$pack" | awk '{print $1, $3}')
    v+=("$vw"); vm+=("$vk")
    rm -f "$timing" "$usage" "$pack" "$pack.out"
  done
  files=$(echo "$summary" | grep -o '[0-9]* files' | cut -d' ' -f1)
  pages=$(echo "$summary" | grep -o '[0-9]* PDF pages' | cut -d' ' -f1)
  printf '| %s | %s | %s | %s | %s | %d | %.1f | %s | %d |\n' "$scale" "$files" "$pages" \
    "$(med "${s[@]}")" "$(med "${t[@]}")" $(($(med "${m[@]}") / 1024)) \
    "$(echo "$size / 1048576" | bc -l)" "$(med "${v[@]}")" $(($(med "${vm[@]}") / 1024))
done
