#!/usr/bin/env bash
# Regenerates the compiled EF Core models of both providers (src/Biaogan.Web/Infrastructure/Data/CompiledModels/Sqlite and
# /Postgres) from the current model. Run it after every change to an entity or its configuration, i.e. whenever you run
# scripts/add-migration.sh; CompiledModelTests fails until you do (docs/decisions/0053).
#   bash scripts/regenerate-compiled-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/Biaogan.Web
dotnet build -c Release -nologo -v q >/dev/null 2>&1 || dotnet build -c Release -nologo -v q
for p in Sqlite:SqliteAppDbContext Postgres:PgAppDbContext; do
  dir=Infrastructure/Data/CompiledModels/${p%%:*}
  rm -rf "$dir"
  dotnet ef dbcontext optimize --context "${p#*:}" --output-dir "$dir" \
    --namespace "Biaogan.Web.Infrastructure.Data.CompiledModels.${p%%:*}" --configuration Release --no-build >/dev/null
  echo "$dir: $(ls "$dir" | wc -l) files"
done
