#!/usr/bin/env bash
# Regenerates the compiled EF Core models of both providers (src/Biaogan.Web/Infrastructure/Data/CompiledModels/Sqlite and
# /Postgres) from the entity configuration. Run it after every change to an entity or its configuration (add-migration.sh
# runs it too); CompiledModelTests fails until you do (docs/decisions/0053).
#   bash scripts/regenerate-compiled-models.sh
# The app is built once in the ModelGen configuration, which leaves the old compiled models out, so a change that breaks
# them (a removed or renamed entity type) cannot stop their regeneration.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/Biaogan.Web
dotnet build -c ModelGen -nologo -v q >/dev/null 2>&1 || dotnet build -c ModelGen -nologo -v q
for p in Sqlite:SqliteAppDbContext Postgres:PgAppDbContext; do
  dir=Infrastructure/Data/CompiledModels/${p%%:*}
  rm -rf "$dir"
  dotnet ef dbcontext optimize --context "${p#*:}" --output-dir "$dir" \
    --namespace "Biaogan.Web.Infrastructure.Data.CompiledModels.${p%%:*}" --configuration ModelGen --no-build >/dev/null
  echo "$dir: $(ls "$dir" | wc -l) files"
done
