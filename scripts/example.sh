#!/usr/bin/env bash
# Sets up, builds and runs rodtrad on the bundled example municipality: checks the workspace and
# computes the red thread of the annual follow-up into out/upplands-vasby/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dev
workspace=examples/upplands-vasby
out=out/upplands-vasby
mkdir -p "$out"
echo "== rodtrad check $workspace"
build/dev/pipeline/rodtrad check "$workspace"
echo "== rodtrad rollup $workspace --period 2025-helar"
build/dev/pipeline/rodtrad rollup "$workspace" --period 2025-helar -o "$out/rollup-2025-helar.xml"
echo "wrote $out/rollup-2025-helar.xml"
