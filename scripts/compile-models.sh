#!/usr/bin/env bash
# Regenerates EF Core's compiled models, one per store, after a change to the model (run it after adding the
# migrations for both stores). SyncHub loads them instead of building its model at start-up, about 0.3 s sooner;
# tests/SyncHub.Core.Tests/Storage/CompiledModelTests.cs fails while one is out of date. Needs dotnet-ef, as migrations do.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/SyncHub.Data/CompiledModels src/SyncHub.Data.Postgres/CompiledModels
(cd src/SyncHub.Data && dotnet ef dbcontext optimize --output-dir CompiledModels --namespace SyncHub.Data.CompiledModels)
(cd src/SyncHub.Data.Postgres && dotnet ef dbcontext optimize --output-dir CompiledModels --namespace SyncHub.Data.Postgres.CompiledModels)
