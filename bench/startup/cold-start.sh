#!/usr/bin/env bash
# Cold start to the first page (issue 13 item 7): time from launching the built app on an existing SQLite database to the
# first 200 of GET /Account/Login, against a minimal ASP.NET Core app ("Hello") started and asked the same way on the
# same machine in the same run. Both run as `dotnet X.dll` from a Release build; the median of RUNS starts is printed.
#   bash bench/startup/cold-start.sh [RUNS]        (default 5; builds both apps first)
#   BIAOGAN_DLL=/tmp/r2r/Biaogan.Web.dll bash bench/startup/cold-start.sh   (a published build instead, e.g. ReadyToRun:
#     dotnet publish src/Biaogan.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/r2r)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WORK=$(mktemp -d /tmp/biaogan-coldstart-XXXX)
trap 'pkill -f "$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=5391

APP=${BIAOGAN_DLL:-}
if [ -z "$APP" ]; then
  dotnet build src/Biaogan.Web -c Release -nologo -v q >/dev/null
  APP=src/Biaogan.Web/bin/Release/net10.0/linux-x64/Biaogan.Web.dll
fi

# The baseline: the smallest ASP.NET Core app, built here from the SDK's own template (no network needed).
mkdir -p "$WORK/minimal"
cat > "$WORK/minimal/minimal.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>
XML
echo 'var app = WebApplication.CreateBuilder(args).Build(); app.MapGet("/Account/Login", () => "ok"); app.Run();' > "$WORK/minimal/Program.cs"
dotnet build "$WORK/minimal" -c Release -nologo -v q -o "$WORK/minimal/out" >/dev/null

export ASPNETCORE_URLS="http://127.0.0.1:$PORT" App__PublicBaseUrl="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning
export ConnectionStrings__Biaogan="Data Source=$WORK/biaogan.db" Files__Root="$WORK/files" Mail__PickupDirectory="$WORK/mail"

wait_ready() { # prints milliseconds from $1 (ns) to the first 200
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/Account/Login")" = 200 ]; do sleep 0.02; done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
start() { # $1: dll; prints the start-up time in ms
  local t0; t0=$(date +%s%N)
  dotnet "$1" >"$WORK/out.log" 2>&1 & local pid=$!
  wait_ready "$t0"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# First start: migrate and seed the demo data, so that every measured start finds an existing database.
Demo__Seed=true start "$APP" >/dev/null
app=(); base=()
for _ in $(seq "$RUNS"); do
  app+=("$(start "$APP")")
  base+=("$(start "$WORK/minimal/out/minimal.dll")")
done
a=$(printf '%s\n' "${app[@]}" | median); b=$(printf '%s\n' "${base[@]}" | median)
echo "Biaogan cold start to the first page: median ${a} ms (runs: ${app[*]})"
echo "minimal ASP.NET Core app, same run:   median ${b} ms (runs: ${base[*]})"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio %.1f× (target ≤ 3×); load average %s\n", a / b, "'"$(cut -d' ' -f1-3 /proc/loadavg)"'" }'
