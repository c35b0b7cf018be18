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
