#!/usr/bin/env bash
# Load-independent figures of one reviewer's score sheet on a running app: the page's bytes (plain, Brotli, gzip), its
# <option> count, and the app's CPU time per request over N sequential requests (from /proc/PID/stat), for the page
# and for a save through the JSON API.
#   bash bench/load/sheet-cost.sh BASE APP_PID "COOKIES" CSRF_TOKEN APPLICATION_ID [N]
set -euo pipefail
BASE=$1; PID=$2; COOKIE=$3; TOKEN=$4; APP=$5; N=${6:-200}
URL="$BASE/DocumentReview/Sheet/$APP"
cpu() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)
plain=$(curl -s -H "Cookie: $COOKIE" "$URL" | wc -c)
options=$(curl -s -H "Cookie: $COOKIE" "$URL" | grep -o '<option' | wc -l)
br=$(curl -s -H "Cookie: $COOKIE" -H 'Accept-Encoding: br' "$URL" | wc -c)
gz=$(curl -s -H "Cookie: $COOKIE" -H 'Accept-Encoding: gzip' "$URL" | wc -c)
per() { awk -v a="$1" -v b="$2" -v t="$TICK" -v n="$N" 'BEGIN { printf "%.2f", (b - a) * 1000 / t / n }'; }
for _ in $(seq 20); do curl -s -o /dev/null -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' "$URL"; done
a=$(cpu); for _ in $(seq "$N"); do curl -s -o /dev/null -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' "$URL"; done; b=$(cpu)
a2=$(cpu); for _ in $(seq "$N"); do curl -s -o /dev/null -H "Cookie: $COOKIE" "$URL"; done; b2=$(cpu)
body=$(mktemp); curl -s -H "Cookie: $COOKIE" "$BASE/api/document-review/sheets/$APP" > "$body"
a3=$(cpu)
for _ in $(seq "$N"); do
  curl -s -X PUT -H "Cookie: $COOKIE" -H "X-CSRF-TOKEN: $TOKEN" -H 'Content-Type: application/json' --data @"$body" \
    "$BASE/api/document-review/sheets/$APP" -o "$body.next" && mv "$body.next" "$body"
done
b3=$(cpu); rm -f "$body"
echo "sheet page: $plain bytes plain, $br Brotli, $gz gzip; $options <option> elements"
echo "CPU per request over $N: page $(per "$a" "$b") ms compressed, $(per "$a2" "$b2") ms plain; save (PUT API) $(per "$a3" "$b3") ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
