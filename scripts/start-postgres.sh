#!/usr/bin/env bash
# Starts a local PostgreSQL server for the tests when none runs, and makes sure the test role exists (it may
# create databases: every test class gets a fresh one, and drop them while autovacuum works on them).
# Idempotent. Prints the admin connection string last; scripts/test.sh exports it as SYNCHUB_TEST_POSTGRES.
# Debian's postgresql package (scripts/install-test-deps.sh installs it); runs as root or with sudo.
set -euo pipefail

port="${SYNCHUB_TEST_POSTGRES_PORT:-5432}"
role="synchub_test"
password="synchub_test"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; run scripts/install-test-deps.sh (Debian: apt-get install postgresql)." >&2
  exit 1
fi

if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  cluster=$(pg_lsclusters -h | awk -v p="$port" '$3 == p { print $1 " " $2; exit }')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    echo "Creating PostgreSQL $version cluster 'main' on port $port..." >&2
    as_root pg_createcluster "$version" main --port "$port" >/dev/null
    cluster="$version main"
  fi
  echo "Starting PostgreSQL cluster $cluster..." >&2
  # shellcheck disable=SC2086
  # pg_ctlcluster talks on stdout ("removed stale pid file." after an unclean stop); only the connection string may go there.
  as_root pg_ctlcluster $cluster start >&2
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start on port $port." >&2; exit 1; }
fi

as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL >&2
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
-- DROP DATABASE ... WITH (FORCE) after each test class must also end an autovacuum worker on that database,
-- which only a member of pg_signal_backend may do.
GRANT pg_signal_backend TO $role;
SQL

echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
