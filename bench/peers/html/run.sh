#!/bin/sh
# The HTML peer end to end: rolled-up XML -> xsltproc -> one HTML file -> Chromium print to PDF.
#
#   bench/peers/html/run.sh strategic-plan|follow-up-report ROLLUP.xml OUT.pdf [--toc-pages]
#
# --toc-pages prints twice to put page numbers in the contents (Chromium has no
# target-counter()): after the first print, pdfinfo -dests lists the page of every anchor, the
# stylesheet runs again with that list and Chromium prints the final PDF.
# Keeps OUT.html beside OUT.pdf. Prints the seconds of each stage on stderr.
# Set TREEMEM=1 to run Chromium under treemem.py (peak memory of its whole process tree).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
doc=${1:?strategic-plan or follow-up-report}
rollup=${2:?rolled-up XML}
out=${3:?output PDF}
twopass=${4:-}
case $doc in strategic-plan|follow-up-report) ;; *) echo "unknown document $doc" >&2; exit 2 ;; esac

html=${out%.pdf}.html
html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{printf "%.2f", $1 - $2}'; }

print_pdf() {
    profile=$(mktemp -d)
    wrap=""
    [ "${TREEMEM:-}" = 1 ] && wrap="python3 $here/treemem.py"
    $wrap chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --no-first-run --disable-sync --no-pdf-header-footer \
        --user-data-dir="$profile" --print-to-pdf="$out_abs" "file://$html_abs" 2>"$profile.log" ||
        { cat "$profile.log" >&2; rm -rf "$profile" "$profile.log"; exit 1; }
    grep treemem: "$profile.log" >&2 || true
    rm -rf "$profile" "$profile.log"
}

t=$(now)
xsltproc "$here/$doc.xsl" "$rollup" >"$html"
echo "xsltproc $(since "$t") s" >&2
t=$(now)
print_pdf
echo "chromium $(since "$t") s" >&2

if [ "$twopass" = --toc-pages ]; then
    t=$(now)
    pages=${out%.pdf}.pages.xml
    pages_abs=$(cd "$(dirname "$pages")" && pwd)/$(basename "$pages")
    pdfinfo -dests "$out_abs" | awk '
        NR > 1 && match($0, /"[^"]*"$/) {
            name = substr($0, RSTART + 1, RLENGTH - 2)
            gsub(/&/, "\\&amp;", name); gsub(/</, "\\&lt;", name); gsub(/"/, "\\&quot;", name)
            printf "<d n=\"%s\" p=\"%d\"/>\n", name, $1
        }
        BEGIN { print "<pages>" } END { print "</pages>" }' >"$pages"
    xsltproc --stringparam toc-pages "$pages_abs" "$here/$doc.xsl" "$rollup" >"$html"
    echo "dests+xsltproc $(since "$t") s" >&2
    t=$(now)
    print_pdf
    echo "chromium (second print) $(since "$t") s" >&2
fi
echo "$(pdfinfo "$out_abs" | awk '/^Pages:/ {print $2}') pages: $out" >&2
