#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks: Debian's Chromium for the browser tests,
# Debian's PostgreSQL server for the cluster tests, and the repo's .NET tools. Idempotent: does nothing when
# everything is already there.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package) for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql ]; then
  echo "Installing PostgreSQL (Debian package) for the cluster tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js is needed to vendor the front-end libraries; install it (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi

dotnet tool restore >/dev/null
