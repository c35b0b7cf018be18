#!/usr/bin/env bash
# Adds an EF Core migration with the same name for both providers (SQLite and PostgreSQL).
# Usage: bash scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?"用法: bash scripts/add-migration.sh 迁移名称（英文，如 AddReviewers）"}
dotnet tool restore >/dev/null
cd src/Biaogan.Web
dotnet ef migrations add "$name" --context SqliteAppDbContext --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --context PgAppDbContext --output-dir Infrastructure/Data/Migrations/Postgres
# Give the PostgreSQL migration the SQLite one's id, so both providers carry the same migration names.
sid=$(ls Infrastructure/Data/Migrations/Sqlite | grep -o "^[0-9]*_$name\.cs" | sed 's/\.cs$//' | tail -1)
pid=$(ls Infrastructure/Data/Migrations/Postgres | grep -o "^[0-9]*_$name\.cs" | sed 's/\.cs$//' | tail -1)
if [ -n "$sid" ] && [ -n "$pid" ] && [ "$sid" != "$pid" ]; then
  for f in Infrastructure/Data/Migrations/Postgres/"$pid"*; do mv "$f" "${f/$pid/$sid}"; done
  sed -i "s/\"$pid\"/\"$sid\"/" Infrastructure/Data/Migrations/Postgres/*.cs
fi
# The compiled models (decision 0053) follow the model too.
cd ../..
bash scripts/regenerate-compiled-models.sh
