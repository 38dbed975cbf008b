#!/usr/bin/env bash
# Tagged against untagged PDF output, side by side in one run on one core: the render stages
# (--timings) and the file size of the L strategic plan and follow-up report, rendered by this
# build and by the last commit before tagging (UNTAGGED_REF, default d737802, checked out and
# built in release mode under bench/work/untagged once); median of RUNS, runs alternated.
#
#   bench/scripts/tagging_cost.sh [RUNS]     (default 3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-3}
ref=${UNTAGGED_REF:-d737802}
tree=$work/untagged
untagged=$tree/build/release/pipeline/rodtrad
ensure_release_build
ensure_workspace L
if [ ! -x "$untagged" ]; then
  git -C "$root" worktree add --force --detach "$tree" "$ref" >&2
  (cd "$tree" && cmake --preset release >/dev/null && cmake --build --preset release --target rodtrad >&2)
fi

printf '| document | build | pages | layout+PDF s | PDF stage s | PDF MiB |\n|---|---|---|---|---|---|\n'
for template in strategic-plan follow-up-report; do
  declare -A stage pdfs size pages
  for build_name in tagged untagged; do stage[$build_name]=""; pdfs[$build_name]=""; done
  for ((i = 0; i < runs; i++)); do
    for build_name in tagged untagged; do
      binary=$build/pipeline/rodtrad
      [ "$build_name" = untagged ] && binary=$untagged
      out=$(mktemp --suffix=.pdf); timing=$(mktemp)
      taskset -c 0 "$binary" render "$work/L" --template "$template" --period 2025-helar \
        -o "$out" --timings 2> "$timing" > "$out.txt"
      read -r layout pdf < <(awk '/of which/ {gsub(",", ""); print $11, $14}' "$timing")
      stage[$build_name]+="$(echo "$layout + $pdf" | bc -l) "
      pdfs[$build_name]+="$pdf "
      size[$build_name]=$(stat -c %s "$out")
      pages[$build_name]=$(grep -o '[0-9]* pages' "$out.txt" | cut -d' ' -f1)
      rm -f "$out" "$out.txt" "$timing"
    done
  done
  for build_name in tagged untagged; do
    # shellcheck disable=SC2086
    printf '| %s | %s | %s | %.3f | %.3f | %.2f |\n' "$template" "$build_name" "${pages[$build_name]}" \
      "$(med ${stage[$build_name]})" "$(med ${pdfs[$build_name]})" \
      "$(echo "${size[$build_name]} / 1048576" | bc -l)"
  done
done
