#!/usr/bin/env bash
# Adds a migration for both providers in one go (docs/adr/0011): ./tools/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  dotnet ef migrations add "$name" --project src/Gongjiang.Web --context "${provider}GongjiangDbContext" \
    --output-dir "Platform/Data/Migrations/$provider" --namespace "Gongjiang.Web.Platform.Data.Migrations.$provider"
done
