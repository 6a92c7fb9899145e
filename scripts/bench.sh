#!/usr/bin/env bash
# SyncHub against its physical limits, side by side in one run (tests/SyncHub.Benchmarks). Builds both in Release,
# runs the scenarios and prints a markdown table for docs/benchmarks.md; progress goes to stderr.
# Usage: scripts/bench.sh [--quick] [--scenario delivery,retry-all,pages,ingest,startup] [--records N] ... (--help)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SyncHub.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build tests/SyncHub.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
exec dotnet tests/SyncHub.Benchmarks/bin/Release/net10.0/SyncHub.Benchmarks.dll "$@"
