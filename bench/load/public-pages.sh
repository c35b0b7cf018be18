#!/usr/bin/env bash
# Load test of the public pages (issue 4): throughput and p95 latency of each URL against a static file served by the
# same app on the same machine (/css/site.css), with wrk. Starts the app in Release on a fresh SQLite database with the
# demo data (the 2025 benchmarks), warms up, runs each URL and prints a table with ratios to the static file.
#
#   bash bench/load/public-pages.sh                       # /Public/Benchmarks and a demo certificate's verification
#   bash bench/load/public-pages.sh /Public/Notice ...    # extra URLs (paths on the same app) are measured too
#
# Environment: PORT (5304), DURATION (10s), CONNECTIONS (32), THREADS (2), WARMUP (3s),
# NOCACHE=1 to measure with the public pages' output cache switched off (PublicPages:CacheSeconds=0).
# The certificate look-up limit per IP (RateLimits:VerifyPerMinute) is lifted for the run: one load generator is one IP.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5304}; DURATION=${DURATION:-10s}; CONNECTIONS=${CONNECTIONS:-32}; THREADS=${THREADS:-2}; WARMUP=${WARMUP:-3s}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
WORK=$(mktemp -d /tmp/biaogan-load-XXXXXX)
CACHE_SECONDS=60; [[ "${NOCACHE:-}" == "1" ]] && CACHE_SECONDS=0

dotnet build -c Release src/Biaogan.Web -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Staging dotnet run -c Release --no-build --project src/Biaogan.Web -- --urls "$BASE" \
  --ConnectionStrings:Biaogan="Data Source=$WORK/load.db" --Files:Root="$WORK/files" --Demo:Seed=true \
  --RateLimits:VerifyPerMinute=1000000000 --PublicPages:CacheSeconds=$CACHE_SECONDS \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "证书核验示例" "$WORK/app.log" 2>/dev/null && curl -fs "$BASE/css/site.css" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 1
done
VERIFY=$(grep -o '/Public/Verify/[^ ]*' "$WORK/app.log" | head -1)
[[ -n "$VERIFY" ]] || { echo "no demo certificate in the start-up banner" >&2; cat "$WORK/app.log" >&2; exit 1; }

cat > "$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\nERRORS %d\n", latency:percentile(95),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
LUA

URLS=("/css/site.css" "/Public/Benchmarks" "$VERIFY" "$@")
declare -A RPS P95 ERR
for url in "${URLS[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$url")
  [[ "$code" == "200" ]] || echo "warning: $url answers $code" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$url" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/p95.lua" "$BASE$url")
  RPS[$url]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P95[$url]=$(awk '/^P95_US/ {printf "%.2f", $2/1000}' <<<"$out")
  ERR[$url]=$(awk '/^ERRORS/ {print $2}' <<<"$out")
done

static=/css/site.css
echo
echo "Public pages under wrk -t$THREADS -c$CONNECTIONS -d$DURATION (output cache: ${CACHE_SECONDS}s), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-58s | %10s | %9s | %12s | %12s | %6s |\n' "URL" "req/s" "p95 ms" "req/s ratio" "p95 ratio" "errors"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "-----------:" "----------:" "-------------:" "-------------:" "-------:"
for url in "${URLS[@]}"; do
  rr=$(awk -v a="${RPS[$url]}" -v b="${RPS[$static]}" 'BEGIN { printf "%.2f", a / b }')
  pr=$(awk -v a="${P95[$url]}" -v b="${P95[$static]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '| %-58s | %10s | %9s | %12s | %12s | %6s |\n' "${url:0:58}" "${RPS[$url]}" "${P95[$url]}" "$rr" "$pr" "${ERR[$url]}"
done
