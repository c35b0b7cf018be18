#!/usr/bin/env bash
# Seconds from `dotnet run` to the first 200 of the home page on an empty SQLite database (migrations + demo data).
# Usage: bash scripts/measure-cold-start.sh [--no-build]     (port 5080 must be free)
set -u
cd "$(dirname "$0")/.."
rm -rf src/Biaogan.Web/App_Data
start=$(date +%s.%N)
dotnet run --project src/Biaogan.Web "$@" > /tmp/biaogan-cold-start.log 2>&1 &
pid=$!
until curl -sf -o /dev/null http://127.0.0.1:5080/; do
  kill -0 $pid 2>/dev/null || { echo "the app stopped; see /tmp/biaogan-cold-start.log"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
printf 'first page after %.1f s\n' "$(echo "$end - $start" | bc)"
kill $pid; wait $pid 2>/dev/null
