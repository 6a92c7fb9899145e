#!/usr/bin/env bash
# Publishes SyncHub into one folder to copy to a server: ahead-of-time compiled (ReadyToRun) for a faster start,
# with its connector plugins, the isolated plugin host, wwwroot/ and appsettings.json. Run it there with
#   dotnet <folder>/SyncHub.Web.dll
# (its database goes to <folder>/data/ unless ConnectionStrings:SyncHub says otherwise).
# Usage: scripts/publish.sh [output folder, default ./publish] [runtime identifier, default linux-x64]
set -euo pipefail
cd "$(dirname "$0")/.."

output="${1:-publish}"
runtime="${2:-linux-x64}"
dotnet publish src/SyncHub.Web -c Release -r "$runtime" --self-contained false -p:PublishReadyToRun=true \
  -o "$output" -nologo -clp:ErrorsOnly
echo "Published to $output: run it with 'dotnet $output/SyncHub.Web.dll'."
