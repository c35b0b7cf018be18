#!/usr/bin/env bash
# The submit burst of peak-day.sh: every signed-in organisation submits its draft application once, PARALLEL at a
# time, through POST /api/applications/{id}/submit; prints the count, the p95 and the elapsed time.
#   bash bench/load/submit-burst.sh BASE drafts.tsv PARALLEL
set -euo pipefail
BASE=$1; FILE=$2; PARALLEL=$3
start=$(date +%s.%N)
times=$(tr '\t' '\034' < "$FILE" | xargs -P "$PARALLEL" -d '\n' -I@LINE@ bash -c '
  IFS=$'"'"'\034'"'"' read -r cookie token app <<<"$1"
  curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -X POST -H "Cookie: $cookie" -H "X-CSRF-TOKEN: $token" \
    -H "Content-Type: application/json" -d "{}" "$0/api/applications/$app/submit"' "$BASE" @LINE@)
end=$(date +%s.%N)
sorted=$(awk '{ print $2 * 1000 }' <<<"$times" | sort -n)
n=$(wc -l <<<"$sorted"); i=$(( n * 95 / 100 )); (( i < 1 )) && i=1
bad=$(awk '$1 != 200' <<<"$times" | wc -l)
awk -v s="$start" -v e="$end" -v p="$PARALLEL" -v n="$n" -v bad="$bad" -v p95="$(sed -n "${i}p" <<<"$sorted")" \
  'BEGIN { printf "submit burst: %d applications submitted %d at a time in %.2f s, p95 %.1f ms, %d not 200\n", n, p, e - s, p95, bad }'
