#!/bin/sh
# XSLT 1.0 -> XSL-FO -> PDF with the peer stylesheets, timing each step.
#   run.sh REPORT ROLLUP.xml OUT.pdf [FOP options, e.g. -a for tagged PDF]
#   REPORT: strategic-plan | follow-up-report
# The intermediate FO is written beside OUT.pdf (OUT.fo). JAVA_ARGS defaults to -Xmx4g
# (Debian's /usr/bin/fop ignores FOP_OPTS).
set -eu
if [ $# -lt 3 ]; then
    sed -n '2,7s/^# \{0,1\}//p' "$0" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
report=$1 rollup=$2 out=$3
shift 3
fo=${out%.pdf}.fo
/usr/bin/time -f "xsltproc: wall %e s, cpu %U+%S s, peak RSS %M KB" \
    xsltproc "$here/$report.xsl" "$rollup" > "$fo"
JAVA_ARGS=${JAVA_ARGS:--Xmx4g} /usr/bin/time -f "fop: wall %e s, cpu %U+%S s, peak RSS %M KB" \
    fop -c "$here/fop.xconf" "$@" -fo "$fo" -pdf "$out"
pdfinfo "$out" 2>/dev/null | grep '^Pages' || true
