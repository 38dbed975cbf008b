#!/usr/bin/env bash
# Sets up, builds and runs rodtrad on the bundled example municipality: checks the workspace,
# computes the red thread of the annual follow-up and renders the strategic plan, the annual
# follow-up report and an operational plan into out/upplands-vasby/.
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
