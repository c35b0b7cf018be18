#!/usr/bin/env bash
# Upload throughput of one file at the cycle's single-file limit through the real server (Kestrel, curl, the API
# POST /api/applications/{id}/files), against `dd` of the same bytes to the same disk in the same run; with the peak
# RSS of the server and the peak temporary disk (its TMPDIR, where ReadFormAsync used to buffer uploads).
# Usage: bash bench/upload/upload-throughput.sh [local|s3] [runs] [sizeMb]   (first WARMUP=100 uploads of 100 KB and WARMUP_FULL=3 of sizeMb)
#   sizeMb defaults to 20, the demo cycle's single-file limit (CycleSettings.MaxFileSizeMb); a larger size is refused
#   with 413 unless the cycle's limit is raised. Build first: dotnet build src/Biaogan.Web -c Release
set -euo pipefail
store=${1:-local}; runs=${2:-5}; size=${3:-20}
repo="$(cd "$(dirname "$0")/../.." && pwd)"
config=${BENCH_CONFIGURATION:-Release}
dll="$repo/src/Biaogan.Web/bin/$config/net10.0/linux-x64/Biaogan.Web.dll"
[ -f "$dll" ] || { echo "build first: dotnet build src/Biaogan.Web -c $config" >&2; exit 1; }
mkdir -p "$repo/bench/.upload-run"
work="$(mktemp -d -p "$repo/bench/.upload-run")"    # the same disk for the server's files and for dd
mkdir -p "$work/tmp" "$work/files"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Development Demo__Seed=true TMPDIR="$work/tmp"
export ConnectionStrings__Biaogan="Data Source=$work/bench.db" Files__Root="$work/files" Mail__PickupDirectory="$work/mail"
export RateLimits__UploadPerMinute=10000
if [ "$store" = s3 ]; then
  export S3_TEST_PID_FILE="$work/s3rver.pid"
  export Files__Provider=S3 Files__S3__ServiceUrl="$(bash "$repo/scripts/s3-test-server.sh")" Files__S3__Bucket=bench
  export Files__S3__AccessKey=S3RVER Files__S3__SecretKey=S3RVER
fi
dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; [ -f "$work/s3rver.pid" ] && kill "$(cat "$work/s3rver.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "$base/Public/Verify" && break; sleep 0.5; done

jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=xinghe@demo.biaogan.cn" --data-urlencode "Input.Password=Demo2026pass" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
app=$(curl -s -b "$jar" "$base/api/applications" | python3 -c 'import json,sys; print(next(a["id"] for a in json.load(sys.stdin)["items"] if a["status"]=="Draft"))')
csrf=$(curl -s -c "$jar" -b "$jar" "$base/api/antiforgery" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')


src=/dev/shm/biaogan-upload-$$.pdf
{ printf '%%PDF-1.7\n'; head -c $((size * 1024 * 1024 - 9)) /dev/urandom; } > "$src"
trap 'rm -f "$src"; cleanup' EXIT
# Warm-up: a server that has run for a while has compiled its hot upload path at the optimising tier; right after the
# start the runtime is still re-compiling it in the background, and that CPU (~2/3 of the first uploads' server CPU,
# measured with perf; ~240 methods per upload still reached the optimising tier after 20 warm-ups) would be charged to
# the measured uploads. Every method an upload calls once has to be called 30 times first. Small files, so that the
# application's total limit (300 MB in the demo cycle) leaves room for the measured ones.
warm=$(mktemp -p /dev/shm); { printf '%%PDF-1.7\n'; head -c $((100 * 1024 - 9)) /dev/urandom; } > "$warm"
for i in $(seq 1 "${WARMUP:-100}"); do
  curl -s -o /dev/null -b "$jar" -H "X-CSRF-TOKEN: $csrf" -F purpose=evidence -F "file=@$warm;type=application/pdf;filename=warm.pdf" "$base/api/applications/$app/files"
done
rm -f "$warm"
# ... then a few at the full size: the loops that run once per 64 KB chunk go through their instrumented tier at the
# first large uploads (900 methods were still compiled during 9 measured uploads after 100 small warm-ups).
for i in $(seq 1 "${WARMUP_FULL:-3}"); do
  curl -s -o /dev/null -b "$jar" -H "X-CSRF-TOKEN: $csrf" -F purpose=evidence -F "file=@$src;type=application/pdf;filename=warm.pdf" "$base/api/applications/$app/files"
done
# ... and wait until the server is idle (under 30 ms of CPU in a second, at most 60 s): the re-compilation runs in the
# background after the calls that trigger it.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system clock ticks of a process
hz=$(getconf CLK_TCK)
for _ in $(seq 1 60); do a=$(ticks "$server"); sleep 1; [ $(( ($(ticks "$server") - a) * 1000 / hz )) -lt 30 ] && break; done

( while :; do du -sb "$work/tmp" | cut -f1; sleep 0.02; done ) > "$work/tmp-samples" &
sampler=$!
rss_before=$(awk '/VmRSS/{print $2}' /proc/$server/status)
up=(); dd_rates=(); cpu=(); dd_cpu=()
for i in $(seq 1 "$runs"); do
  c0=$(ticks "$server")
  out=$(curl -s -o "$work/resp" -w '%{http_code} %{time_total}' -b "$jar" -H "X-CSRF-TOKEN: $csrf" \
    -F purpose=evidence -F "file=@$src;type=application/pdf;filename=limit.pdf" "$base/api/applications/$app/files")
  code=${out% *}; t=${out#* }
  [ "$code" = 201 ] || { echo "upload $i: HTTP $code $(cat "$work/resp")" >&2; exit 1; }
  up+=("$(python3 -c "print(f'{$size/$t:.0f}')")")
  cpu+=("$(( ($(ticks "$server") - c0) * 1000 / hz ))")
  s=$(date +%s.%N)
  dd_cpu+=("$( { /usr/bin/time -f '%U %S' dd if="$src" of="$work/dd-$i.bin" bs=1M status=none; } 2>&1 | awk '{printf "%.0f", ($1+$2)*1000}')")
  e=$(date +%s.%N)
  dd_rates+=("$(python3 -c "print(f'{$size/($e-$s):.0f}')")")
done
kill "$sampler"
peak_tmp=$(sort -n "$work/tmp-samples" | tail -1)
hwm=$(awk '/VmHWM/{print $2}' /proc/$server/status)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mu=$(median "${up[@]}"); md=$(median "${dd_rates[@]}")
echo "store=$store size=${size}MB runs=$runs (after ${WARMUP:-100} warm-up uploads of 100 KB and ${WARMUP_FULL:-3} of ${size} MB) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "upload MB/s: ${up[*]} (median $mu)"
echo "dd     MB/s: ${dd_rates[*]} (median $md)"
python3 -c "print(f'ratio upload/dd (medians): {$mu/$md:.2f}')"
echo "server CPU ms per upload: ${cpu[*]} (median $(median "${cpu[@]}")); dd CPU ms per copy: ${dd_cpu[*]} (median $(median "${dd_cpu[@]}"))"
echo "server RSS before uploads: $((rss_before / 1024)) MB; peak RSS (VmHWM, whole run incl. start-up and demo seeding): $((hwm / 1024)) MB"
echo "peak temporary disk (server TMPDIR): $peak_tmp bytes"
