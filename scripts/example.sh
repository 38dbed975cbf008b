#!/usr/bin/env bash
# Sets up, builds and runs rodtrad on the bundled example municipality: checks the workspace,
# computes the red thread of the annual follow-up, renders the strategic plan, the annual
# follow-up report and an operational plan and builds the ISO 14001 evidence pack into
# out/upplands-vasby/; then starts the workflow service seeded with the example (documents
# approved in their headers imported as approved, the drafts in an approval round) and prints
# its address and the demo users' tokens. Stop the service with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dev
rodtrad=build/dev/pipeline/rodtrad
workspace=examples/upplands-vasby
out=out/upplands-vasby
mkdir -p "$out"
echo "== rodtrad check $workspace"
"$rodtrad" check "$workspace"
echo "== rodtrad rollup $workspace --period 2025-helar"
"$rodtrad" rollup "$workspace" --period 2025-helar -o "$out/rollup-2025-helar.xml"
echo "== rodtrad render $workspace"
"$rodtrad" render "$workspace" --template strategic-plan --period 2025-helar -o "$out/strategic-plan.pdf"
"$rodtrad" render "$workspace" --template follow-up-report --period 2025-helar -o "$out/follow-up-report-2025.pdf"
"$rodtrad" render "$workspace" --template operational-plan --unit tn --period 2025-helar -o "$out/operational-plan-tn-2025.pdf"
echo "== rodtrad evidence $workspace"
"$rodtrad" evidence "$workspace" -o "$out/iso14001-evidence.zip"
"$rodtrad" evidence verify "$out/iso14001-evidence.zip"
echo "the documents are in $out/"

server=build/dev/workflow/rodtrad-server
data=out/service
rm -rf "$data"
users="$out/demo-users.txt"
: > "$users"
for user in "admin admin" "karin reviewer" "helena approver" "mikael approver" \
            "mattias author tn" "jonas author klf-hallbarhet"; do
  set -- $user # name role [unit]
  # A demo password for the web pages (only for the example; real users choose their own).
  password="demo-$1"
  token=$(printf '%s' "$password" | "$server" user add --data "$data" --name "$1" --role "$2" \
            ${3:+--unit "$3"} --password-file -)
  printf '%-8s %-8s %-16s password %-14s Authorization: Bearer %s\n' "$1" "$2" "${3:-}" \
    "$password" "$token" >> "$users"
done
"$server" round add --data "$data" --name "Miljöledningssystemet: loggar och register 2025" \
  --due 2026-01-31 --kind nonconformityLog communicationLog monitoringResults >/dev/null
"$server" round add --data "$data" --name "Uppföljning helår 2025" --due 2026-02-28 \
  --kind followUp >/dev/null
echo "== the workflow service, seeded with $workspace: web pages at http://127.0.0.1:${PORT:-8080}/"
echo "   demo users (also in $users):"
cat "$users"
exec "$server" serve --data "$data" --port "${PORT:-8080}" --seed "$workspace"
