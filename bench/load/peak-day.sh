#!/usr/bin/env bash
# Peak-day load test (issue 13): the reviewers' score sheets, their saves, organisations' autosaves and a submit burst,
# and the committee pages, on a database filled by `seed-scale`, each printed with the static file (/css/site.css) of
# the same run at the same concurrency, and with the app's CPU time per request (from /proc, independent of the load
# other processes put on the machine). See bench/README.md "Peak day".
#
#   DB=sqlite bash bench/load/peak-day.sh                         # 2,000 applications × 600 reviewers × groups of 5
#   DB=postgres APPS=200 REVIEWERS=60 DURATION=5s bash bench/load/peak-day.sh   # a small run that proves the script
#
# Environment: DB (sqlite|postgres), APPS (2000), REVIEWERS (600), GROUP (5), SESSIONS (reviewers signed in, 300),
# READERS (200 connections for the sheet page), WRITERS (50), COMMITTEE (20), DURATION (30s), WARMUP (5s), PORT (5305),
# ENCODING ("br, gzip": what the load generator accepts; empty = uncompressed), DATA (directory of the seeded data set;
# reused when it holds logins.csv, so seed once and run many times), RESEED=1 to seed again, NO_BUILD=1 to run the
# Release build as it is. A reused data set has its drafts submitted by the last burst: reseed for the autosave and burst rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${DB:-sqlite}; APPS=${APPS:-2000}; REVIEWERS=${REVIEWERS:-600}; GROUP=${GROUP:-5}; SESSIONS=${SESSIONS:-300}
READERS=${READERS:-200}; WRITERS=${WRITERS:-50}; COMMITTEE=${COMMITTEE:-20}; DURATION=${DURATION:-30s}; WARMUP=${WARMUP:-5s}
PORT=${PORT:-5305}; ENCODING=${ENCODING-br, gzip}; BASE="http://127.0.0.1:$PORT"
DATA=${DATA:-/tmp/biaogan-peak-$DB-$APPS-$REVIEWERS-$GROUP}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
PGDB="biaogan_peak_${APPS}_${REVIEWERS}_${GROUP}"
case "$DB" in
  sqlite) export Database__Provider=Sqlite ConnectionStrings__Biaogan="Data Source=$DATA/peak.db" ;;
  postgres) export Database__Provider=Postgres ConnectionStrings__Biaogan="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$PGDB;Maximum Pool Size=200" ;;
  *) echo "DB must be sqlite or postgres" >&2; exit 1 ;;
esac
export Files__Root="$DATA/files"
DLL=src/Biaogan.Web/bin/Release/net10.0/linux-x64/Biaogan.Web.dll
[[ "${NO_BUILD:-}" == 1 ]] || dotnet build -c Release src/Biaogan.Web -v q -nologo -nodeReuse:false >/dev/null

if [[ "${RESEED:-}" == "1" || ! -f "$DATA/logins.csv" ]]; then
  rm -rf "$DATA"; mkdir -p "$DATA"
  [[ "$DB" == postgres ]] && PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null
  start=$(date +%s.%N)
  (cd src/Biaogan.Web && ASPNETCORE_ENVIRONMENT=Development dotnet "../../$DLL" seed-scale --applications "$APPS" \
    --reviewers "$REVIEWERS" --group-size "$GROUP" --logins "$DATA/logins.csv") | tee "$DATA/seed.log"
  awk -v s="$start" -v e="$(date +%s.%N)" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "seed-scale %s: %.1f s (load average %s)\n", ENVIRON["DB"], e - s, l }' | tee -a "$DATA/seed.log"
fi

# Staging: the production pipeline (no developer pages, no demo data); sign-in limits lifted, one client signs everyone in.
(cd src/Biaogan.Web && ASPNETCORE_ENVIRONMENT=Staging exec dotnet "../../$DLL" --urls "$BASE" --Demo:Seed=false \
  --RateLimits:SignInPerMinute=1000000000 --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning) \
  > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/css/site.css" && break
  kill -0 $APP 2>/dev/null || { cat "$DATA/app.log" >&2; exit 1; }
  sleep 1
done

# The seeded workflows queued their notices (2,000+ mails): let the outbox send them before measuring, or the
# dispatcher's work would be counted in every figure below.
unsent() {
  if [[ "$DB" == sqlite ]]; then sqlite3 "$DATA/peak.db" 'SELECT COUNT(*) FROM OutboxMessage WHERE SentAt IS NULL'
  else PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$PGDB" -tAc 'SELECT COUNT(*) FROM "OutboxMessage" WHERE "SentAt" IS NULL'; fi
}
for _ in $(seq 1 600); do [[ "$(unsent)" == 0 ]] && break; sleep 1; done
echo "outbox: $(unsent) mails unsent"

# Sign in: one session per reviewer (first SESSIONS reviewers with a draft sheet), each organisation with a draft, the committee.
login() { bash bench/load/login.sh "$BASE" "$@"; }
export -f login; export BASE
awk -F, '$1 == "sheet" && !seen[$2]++ { print $2, $3, $4 }' "$DATA/logins.csv" | head -n "$SESSIONS" |
  xargs -P 8 -L 1 bash -c 'printf "%s\t%s\n" "$(login "$0" "$1")" "$2"' > "$DATA/sheets.tsv"
awk -F, '$1 == "draft" { print $2, $3, $4 }' "$DATA/logins.csv" |
  xargs -P 8 -L 1 bash -c 'printf "%s\t%s\n" "$(login "$0" "$1")" "$2"' > "$DATA/drafts.tsv"
IFS=: read -r CPW CKEY < <(awk -F, '$1 == "committee" { print $3 }' "$DATA/logins.csv")
CEMAIL=$(awk -F, '$1 == "committee" { print $2 }' "$DATA/logins.csv")
printf '%s\t-\n' "$(login "$CEMAIL" "$CPW" "$CKEY")" > "$DATA/committee.tsv"
echo "signed in: $(wc -l < "$DATA/sheets.tsv") reviewers, $(wc -l < "$DATA/drafts.tsv") organisations, the committee"
sheet1=$(head -1 "$DATA/sheets.tsv")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${sheet1%%$'\t'*}" "$BASE/DocumentReview/Sheet/${sheet1##*$'\t'}")
[[ "$code" == 200 ]] || { echo "a reviewer's sheet answers $code" >&2; exit 1; }

cpu() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }
TICK=$(getconf CLK_TCK)
declare -a ROWS
# run NAME CONNECTIONS SESSIONS MODE PATH: warm up, measure, remember req/s, p95, CPU ms per request, failures.
run() {
  local name=$1 conns=$2 file=$3 mode=$4 path=$5 threads=2 out before after reqs
  [[ "$mode" == save ]] && threads=$conns
  wrk -t"$threads" -c"$conns" -d"$WARMUP" --timeout 30s -s bench/load/sessions.lua "$BASE" -- "$file" "$mode" "$path" "$ENCODING" >/dev/null
  before=$(cpu)
  out=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 30s -s bench/load/sessions.lua "$BASE" -- "$file" "$mode" "$path" "$ENCODING")
  after=$(cpu)
  reqs=$(awk '/requests in/ { print $1 }' <<<"$out")
  ROWS+=("$(awk -v n="$name" -v c="$conns" -v cpu=$((after - before)) -v t="$TICK" -v r="$reqs" '
    /^Requests\/sec:/ { rps = $2 } /^P95_US/ { p95 = $2 / 1000 } /^NON200/ { bad = $2 } /^ERRORS/ { err = $2 }
    END { printf "%s|%s|%s|%.2f|%.2f|%s", n, c, rps, p95, (r > 0 ? cpu * 1000 / t / r : 0), bad + err }' <<<"$out")")
}
printf '%s\t-\t-\n' "" > "$DATA/anon.tsv"
run "static /css/site.css" "$READERS" "$DATA/anon.tsv" get /css/site.css
run "reviewer's sheet (GET page)" "$READERS" "$DATA/sheets.tsv" get "/DocumentReview/Sheet/%s"
# One writer per signed-in reviewer's sheet: two writers on one sheet would only measure the 409s of their race.
SIGNED=$(wc -l < "$DATA/sheets.tsv"); WRITERS=$(( SIGNED < WRITERS ? SIGNED : WRITERS ))
run "static /css/site.css" "$WRITERS" "$DATA/anon.tsv" get /css/site.css
run "save own sheet (PUT API)" "$WRITERS" "$DATA/sheets.tsv" save "/api/document-review/sheets/%s"
DRAFTS=$(wc -l < "$DATA/drafts.tsv"); AUTOSAVERS=$(( DRAFTS < WRITERS ? DRAFTS : WRITERS ))
run "organisation autosave (PUT API)" "$AUTOSAVERS" "$DATA/drafts.tsv" save "/api/applications/%s"
run "static /css/site.css" "$COMMITTEE" "$DATA/anon.tsv" get /css/site.css
for page in /DocumentReview/Ranking /DocumentReview/Shortlist /Evaluation; do
  run "committee $page" "$COMMITTEE" "$DATA/committee.tsv" get "$page"
done
bash bench/load/submit-burst.sh "$BASE" "$DATA/drafts.tsv" "$WRITERS" > "$DATA/burst.txt"

echo
echo "Peak day on $DB: $APPS applications × $REVIEWERS reviewers × groups of $GROUP; wrk -d$DURATION, Accept-Encoding \"$ENCODING\"; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-34s | %5s | %9s | %8s | %12s | %9s | %11s | %6s |\n' "what" "conns" "req/s" "p95 ms" "CPU ms/req" "req/s ÷ static" "p95 ÷ static" "failed"
echo "|---|--:|--:|--:|--:|--:|--:|--:|"
declare -A SRPS SP95
for row in "${ROWS[@]}"; do
  IFS='|' read -r name conns rps p95 cpums bad <<<"$row"
  # Against the static file at the same concurrency, else the last static row (the autosave's few connections).
  [[ "$name" == static* ]] && { SRPS[$conns]=$rps; SP95[$conns]=$p95; LRPS=$rps; LP95=$p95; }
  rr=$(awk -v a="$rps" -v b="${SRPS[$conns]:-$LRPS}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  pr=$(awk -v a="$p95" -v b="${SP95[$conns]:-$LP95}" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
  printf '| %-34s | %5s | %9s | %8s | %12s | %9s | %11s | %6s |\n' "$name" "$conns" "$rps" "$p95" "$cpums" "$rr" "$pr" "$bad"
done
cat "$DATA/burst.txt"
