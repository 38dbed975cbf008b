#!/usr/bin/env bash
# Compares `rodtrad check` with `xmllint --noout --schema` on the same workspace, in one run.
#
#   bench/scripts/check_vs_xmllint.sh [SCALE] [RUNS]     (default: L 5)
#
# xmllint validates each file against its kind's schema (one xmllint process per kind, all
# files of that kind on its command line); rodtrad also parses every file into its model and
# runs the cross-document checks. Both are timed RUNS times, alternating; the script prints the
# median wall time, CPU time and peak memory of each and the ratio rodtrad / xmllint.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scale=${1:-L}
runs=${2:-5}
ws=$work/$scale

command -v xmllint >/dev/null || { echo "needs xmllint (libxml2-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (package time)" >&2; exit 2; }
ensure_release_build
ensure_workspace "$scale"

# One xmllint invocation per document kind, every file of that kind at once.
xmllint_all() {
  local kind schema
  declare -A files_of=()
  while IFS=$'\t' read -r schema file; do
    files_of[$schema]+="$file"$'\n'
  done < "$work/$scale.kinds"
  for schema in "${!files_of[@]}"; do
    # shellcheck disable=SC2086
    printf '%s' "${files_of[$schema]}" | xargs -d '\n' xmllint --noout --schema "$root/schemas/$schema" 2>/dev/null
  done
}
export -f xmllint_all
export work scale root

# Map each file to its schema by its root element (the same rule rodtrad uses).
if [ ! -f "$work/$scale.kinds" ]; then
  declare -A schema_of=(
    [organisation]=organisation.xsd [strategicPlan]=strategic-plan.xsd
    [operationalPlan]=operational-plan.xsd [followUp]=follow-up.xsd
    [emsScope]=ems-scope.xsd [environmentalPolicy]=environmental-policy.xsd
    [emsContext]=ems-context.xsd [aspectsRegister]=aspects-register.xsd
    [complianceObligations]=compliance-obligations.xsd [objectivesProgramme]=objectives-programme.xsd
    [operationalControls]=operational-controls.xsd [emergencyPreparedness]=emergency-preparedness.xsd
    [monitoringResults]=monitoring-results.xsd [auditProgramme]=audit-programme.xsd
    [auditReport]=audit-report.xsd [nonconformityLog]=nonconformity-log.xsd
    [managementReview]=management-review.xsd [competenceRecords]=competence-records.xsd
    [communicationLog]=communication-log.xsd)
  find "$ws" -name '*.xml' | sort | while read -r f; do
    root_name=$(grep -m1 -o '<[A-Za-z][A-Za-z]*' "$f" | grep -v '^<?' | head -1 | tr -d '<')
    printf '%s\t%s\n' "${schema_of[$root_name]}" "$f"
  done > "$work/$scale.kinds"
fi

files=$(wc -l < "$work/$scale.kinds")
bytes=$(du -sb "$ws" | cut -f1)
declare -a rw rc rm r1w xw xc xm
for ((i = 0; i < runs; i++)); do
  read -r w c m < <(measure "$build/pipeline/rodtrad" check "$ws")
  rw+=("$w"); rc+=("$c"); rm+=("$m")
  read -r w c m < <(measure "$build/pipeline/rodtrad" check "$ws" --threads 1)
  r1w+=("$w")
  read -r w c m < <(measure bash -c xmllint_all)
  xw+=("$w"); xc+=("$c"); xm+=("$m")
done
RW=$(med "${rw[@]}"); RC=$(med "${rc[@]}"); RM=$(med "${rm[@]}"); R1W=$(med "${r1w[@]}")
XW=$(med "${xw[@]}"); XC=$(med "${xc[@]}"); XM=$(med "${xm[@]}")
echo "workspace $scale: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MiB; median of $runs runs"
echo
printf '| tool | wall s | CPU s | peak RSS MiB | wall ratio to xmllint |\n|---|---|---|---|---|\n'
printf '| rodtrad check (2 threads) | %s | %s | %d | %.2f |\n' "$RW" "$RC" $((RM / 1024)) "$(echo "$RW / $XW" | bc -l)"
printf '| rodtrad check --threads 1 | %s | | | %.2f |\n' "$R1W" "$(echo "$R1W / $XW" | bc -l)"
printf '| xmllint --noout --schema | %s | %s | %d | 1.00 |\n' "$XW" "$XC" $((XM / 1024))
