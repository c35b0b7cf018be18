#!/usr/bin/env bash
# Before the first production release the schema is one migration, "Initial", per provider.
# This script throws both away and generates them again from the model (same id for SQLite and PostgreSQL).
# After the first release, add migrations with scripts/add-migration.sh instead.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f src/Biaogan.Web/Infrastructure/Data/Migrations/Sqlite/*.cs src/Biaogan.Web/Infrastructure/Data/Migrations/Postgres/*.cs
bash scripts/add-migration.sh Initial
