#!/usr/bin/env bash
# Times `rodtrad check` refusing each hostile input (one file per workspace): wall time and peak
# memory, median of RUNS runs.
#
#   bench/scripts/hostile_inputs.sh [RUNS]     (default 5)
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-5}
ensure_release_build
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
org='<organisation xmlns="urn:rodtrad:org:1">'

make_case() { mkdir -p "$dir/$1"; cat > "$dir/$1/x.xml"; }
set +o pipefail # yes | head ends yes with SIGPIPE
printf '<?xml version="1.0"?>\n<!DOCTYPE o [<!ENTITY s SYSTEM "file:///etc/passwd">]>\n%s&s;</organisation>\n' "$org" | make_case external-entity
{ printf '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY l0 "lol">'
  for i in 1 2 3 4 5 6 7 8 9; do printf '<!ENTITY l%d "' "$i"; for k in $(seq 10); do printf '&l%d;' $((i - 1)); done; printf '">'; done
  printf ']>\n%s&l9;</organisation>\n' "$org"; } | make_case billion-laughs
{ printf '<?xml version="1.0"?>\n<!DOCTYPE k [<!ENTITY a "'; head -c 100000 /dev/zero | tr '\0' a; printf '">]>\n%s' "$org"
  yes '&a;' | head -n 20000 | tr -d '\n'; printf '</organisation>\n'; } | make_case quadratic-blowup
{ printf '%s\n' "$org"; yes '<unit>' | head -n 100000 | tr -d '\n'; yes '</unit>' | head -n 100000 | tr -d '\n'; printf '</organisation>\n'; } | make_case deep-nesting
printf '%s\n<header><title>V\xe4sby</title></header></organisation>\n' "$org" | make_case invalid-utf8
mkdir -p "$dir/sparse-2gb" && { printf '%s' "$org"; } > "$dir/sparse-2gb/x.xml" && truncate -s 2G "$dir/sparse-2gb/x.xml"

set -o pipefail
printf '| hostile input | refused as | wall ms (median) | peak RSS MiB |\n|---|---|---|---|\n'
for name in external-entity billion-laughs quadratic-blowup deep-nesting invalid-utf8 sparse-2gb; do
  code=$("$build/pipeline/rodtrad" check "$dir/$name" 2>&1 | grep -o '\[[a-z0-9.]*\]' | head -1 || true)
  w=(); m=()
  for ((i = 0; i < runs; i++)); do
    read -r wall cpu rss < <(measure "$build/pipeline/rodtrad" check "$dir/$name")
    w+=("$wall"); m+=("$rss")
  done
  printf '| %s | %s | %.0f | %d |\n' "$name" "$code" "$(echo "$(med "${w[@]}") * 1000" | bc -l)" $(($(med "${m[@]}") / 1024))
done
