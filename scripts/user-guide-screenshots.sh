#!/usr/bin/env bash
# The user guide's screenshots from the demo data: starts the built app (Development, demo data) on a fresh SQLite
# database in a temporary folder, runs tools/GuideShots (each demo role signs in through the real pages) and writes
# docs/images/guide-*.png. Needs chromium (apt) and a build: dotnet build src/Biaogan.Web -c Release
# Usage: bash scripts/user-guide-screenshots.sh [output-dir]   (default docs/images)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/docs/images}"
dll="$repo/src/Biaogan.Web/bin/Release/net10.0/linux-x64/Biaogan.Web.dll"
[ -f "$dll" ] || { echo "build first: dotnet build src/Biaogan.Web -c Release" >&2; exit 1; }
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Development Demo__Seed=true Logging__LogLevel__Default=Warning \
  ConnectionStrings__Biaogan="Data Source=$work/demo.db" Files__Root="$work/files" Mail__PickupDirectory="$work/mail" \
  dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/Public/Verify" && break; sleep 0.5; done
dotnet run --project "$repo/tools/GuideShots" -c Release -- "$base" "$out"
