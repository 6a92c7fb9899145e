#!/usr/bin/env bash
# Builds SyncHub and runs every test (engine, connectors, web, browser, two-node PostgreSQL cluster). Installs what the tests need first.
# Prints each project's counts, then "N passed, N failed, N skipped" last, and exits non-zero if any test failed.
#
#   scripts/test.sh [--postgres] [PROJECT...]
#     --postgres  the engine and web harnesses use a fresh PostgreSQL database per test class instead of a SQLite
#                 file (the same as SYNCHUB_TEST_STORE=postgres); tests of SQLite's own locking, faults and plans stay on SQLite.
#     PROJECT     only these test projects, e.g. SyncHub.Core.Tests SyncHub.Web.Tests (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."

only=()
for arg in "$@"; do
  case "$arg" in
    --postgres) export SYNCHUB_TEST_STORE=postgres ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option: $arg" >&2; exit 2 ;;
    *) [ -f "tests/$arg/$arg.csproj" ] || { echo "No test project tests/$arg" >&2; exit 2; }; only+=("$arg") ;;
  esac
done

scripts/install-test-deps.sh
# The cluster tests (and SYNCHUB_TEST_STORE=postgres runs) create their databases on this server.
SYNCHUB_TEST_POSTGRES="$(scripts/start-postgres.sh | tail -n 1)"
export SYNCHUB_TEST_POSTGRES

results="TestResults"
rm -rf "$results"
if [ "${#only[@]}" -eq 0 ]; then
  dotnet build SyncHub.sln -nologo -clp:ErrorsOnly
else
  for name in "${only[@]}"; do dotnet build "tests/$name/$name.csproj" -nologo -clp:ErrorsOnly; done
fi
echo "Store: ${SYNCHUB_TEST_STORE:-sqlite}"

# One project at a time, each with its own results file, so no run can overwrite another's counts.
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [ "$name" = "SyncHub.TestUtils" ] && continue
  if [ "${#only[@]}" -gt 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then
    continue
  fi
  # A test (or fixture) that hangs is stopped and named after 15 minutes instead of holding the run until CI's limit;
  # the longest test, the crash test, takes about 4.
  dotnet test "$project" --no-build -nologo --results-directory "$results" \
    --blame-hang --blame-hang-timeout 15m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" || status=$?
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  executed=$(value executed); p=$(value passed); f=$(value failed); e=$(value error); t=$(value total)
  echo "$(basename "$trx" .trx): $p passed, $((f + e)) failed, $((t - executed)) skipped"
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - executed))
done

if [ "$files" -eq 0 ]; then
  echo "No test results were written." >&2
  status=1
fi
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
