#!/usr/bin/env bash
# Backup and restore of the demo data plus N extra stored files (default 10,000 × 16 KiB) against plain copies of
# the same bytes, in the same run (bench/README.md “备份与恢复”). Usage, from the repository root, after a build:
#   bash bench/ops/backup-restore.sh [sqlite|postgres] [files]
# Uses the built application (src/Biaogan.Web/bin/*/net10.0/linux-x64/Biaogan.Web.dll) and a scratch folder under /tmp.
set -euo pipefail
provider=${1:-sqlite}
files=${2:-10000}
cd "$(dirname "$0")/../.."
dll=$(ls -t src/Biaogan.Web/bin/*/net10.0/linux-x64/Biaogan.Web.dll | head -1)
work=$(mktemp -d /tmp/biaogan-bench-backup-XXXXXX)
trap 'rm -rf "$work"' EXIT
export ASPNETCORE_ENVIRONMENT=Development Files__Root="$work/files" Mail__PickupDirectory="$work/mail" Demo__Seed=true
export Audit__PublishDailyHead=false
if [ "$provider" = postgres ]; then
  db=biaogan_bench_$RANDOM$RANDOM
  export Database__Provider=Postgres ConnectionStrings__Biaogan="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$db"
  target="Host=127.0.0.1;Username=postgres;Password=postgres;Database=${db}_restored"
else
  export Database__Provider=Sqlite ConnectionStrings__Biaogan="Data Source=$work/app.db"
  target="Data Source=$work/restored.db"
fi
echo "provider $provider, extra files $files, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

# Seed the demo: start the site once, wait until it answers, stop it.
dotnet "$dll" --urls http://127.0.0.1:5399 > "$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 240); do curl -fs http://127.0.0.1:5399/healthz > /dev/null 2>&1 && break; sleep 1; done
kill "$site"; wait "$site" || true
# Extra files of 16 KiB in the store's year/month layout.
python3 - "$work/files" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "2026", "%02d" % (i % 12 + 1))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "bench%06d" % i), "wb") as f: f.write(os.urandom(16384))
PY
echo "files in store: $(find "$work/files" -type f | wc -l), $(du -sh "$work/files" | cut -f1)"
sync

t() { local s=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo "$(echo "$(date +%s.%N) - $s" | bc)"; }
for round in 1 2; do
  rm -rf "$work/cp" "$work/tar.tar" "$work/backup" "$work/restored-files"
  cp_s=$(t cp -r "$work/files" "$work/cp")
  tar_s=$(t tar -cf "$work/tar.tar" -C "$work" files)
  sha_s=$(t sh -c "cd '$work/files' && find . -type f -print0 | xargs -0 sha256sum > /dev/null")
  backup_s=$(t dotnet "$dll" backup --out "$work/backup")
  verify_s=$(t dotnet "$dll" verify-backup "$work/backup")
  restore_s=$(t env ConnectionStrings__Biaogan="$target" Files__Root="$work/restored-files" dotnet "$dll" restore --from "$work/backup" --force)
  echo "round $round: cp -r ${cp_s}s | tar ${tar_s}s | sha256sum ${sha_s}s | backup ${backup_s}s | verify-backup ${verify_s}s | restore ${restore_s}s"
done
du -sh "$work/backup" | sed 's/^/backup size: /'
diff -r "$work/files" "$work/restored-files" > /dev/null && echo "restored files identical"
if [ "$provider" = postgres ]; then
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${db}_restored WITH (FORCE)" postgres
fi
