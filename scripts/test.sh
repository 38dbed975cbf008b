#!/usr/bin/env bash
# Sets up, builds and runs every test: the dev build, then the unit tests again under
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (hostile inputs included).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dev
ctest --preset dev
cmake --preset asan >/dev/null
cmake --build --preset asan --target pipeline_tests workflow_tests rodtrad
ctest --preset asan -L unit
