#!/usr/bin/env bash
# Starts a local S3-compatible server (npm s3rver 3.7.1) for the file-store tests and prints its URL on stdout.
# Installs s3rver into .tools/s3rver (git-ignored) the first time. The server runs on 127.0.0.1 on a free port with
# a fresh temporary directory, in the background; its process id is written to $S3_TEST_PID_FILE (default
# .tools/s3rver/server.pid) so that the caller can stop it:  kill "$(cat .tools/s3rver/server.pid)".
# Usage:  export BIAOGAN_TEST_S3="$(bash scripts/s3-test-server.sh)"
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tool="$repo/.tools/s3rver"
if [ ! -x "$tool/node_modules/.bin/s3rver" ]; then
  mkdir -p "$tool"
  (cd "$tool" && [ -f package.json ] || echo '{"name":"s3rver-tool","private":true}' > package.json
   cd "$tool" && npm install --no-audit --no-fund --silent s3rver@3.7.1 >&2)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
data="$(mktemp -d -t biaogan-s3rver-XXXXXX)"
log="$data.log"
# The default credentials of s3rver are S3RVER / S3RVER; buckets are created by the application on first use.
nohup "$tool/node_modules/.bin/s3rver" --address 127.0.0.1 --port "$port" --directory "$data" --silent >"$log" 2>&1 &
echo $! > "${S3_TEST_PID_FILE:-$tool/server.pid}"
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "http://127.0.0.1:$port"; exit 0; fi
  sleep 0.1
done
echo "s3rver did not start; see $log" >&2
exit 1
