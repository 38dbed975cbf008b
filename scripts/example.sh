#!/usr/bin/env bash
# Sets up, builds and runs rodtrad on the bundled example municipality.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dev
workspace=examples/upplands-vasby
echo "== rodtrad check $workspace"
build/dev/pipeline/rodtrad check "$workspace"
