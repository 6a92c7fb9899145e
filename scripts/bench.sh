#!/usr/bin/env bash
# SyncHub against its physical limits, side by side in one run (tests/SyncHub.Benchmarks). Publishes SyncHub the way
# scripts/publish.sh installs it (ReadyToRun) and builds the harness, runs the scenarios and prints a markdown table
# for docs/benchmarks.md; progress goes to stderr. --app PATH measures another build (the last --app wins).
# Usage: scripts/bench.sh [--quick] [--scenario delivery,retry-all,pages,ingest,startup] [--records N] ... (--help)
set -euo pipefail
cd "$(dirname "$0")/.."
app=tests/SyncHub.Benchmarks/bin/synchub
scripts/publish.sh "$app" >&2
dotnet build tests/SyncHub.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
exec dotnet tests/SyncHub.Benchmarks/bin/Release/net10.0/SyncHub.Benchmarks.dll --app "$PWD/$app/SyncHub.Web.dll" "$@"
