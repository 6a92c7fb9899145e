#!/usr/bin/env bash
# Load test: 50 concurrent signed-in users on the dashboard and the failed list (wrk over loopback) while the
# engine delivers records at full speed. Not part of the test suite; figures go to docs/benchmarks.md.
# Usage: scripts/load-test.sh [records=20000] [seconds=30] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-20000}; seconds=${2:-30}; connections=${3:-50}
port=5099; base="http://127.0.0.1:$port"; key="load-test-key-0123456789"
work=$(mktemp -d); db="$work/load.db"

command -v wrk >/dev/null || { sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo; $sudo_cmd apt-get install -y -qq wrk >/dev/null; }
dotnet build src/SyncHub.Web -c Release -nologo -clp:ErrorsOnly >/dev/null

dotnet src/SyncHub.Web/bin/Release/net10.0/SyncHub.Web.dll --Urls="$base" --ConnectionStrings:SyncHub="Data Source=$db" \
  --SyncHub:Demo:Enabled=false --SyncHub:ApiKeys:0="$key" --SyncHub:Admin:Email=admin@load.test \
  --SyncHub:Admin:Password=load-test-password-1 --Logging:LogLevel:Default=Warning >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done

api() { curl -sf -H "X-Api-Key: $key" -H 'Content-Type: application/json' "$@"; }
# A fast sandbox destination that fails 10 % of calls, so the failed list has rows and retries run.
api -X POST "$base/api/v1/integrations" -d '{"slug":"load","name":"Load","connector":"sandbox",
  "settings":{"failureRates":{"503":0.05,"422":0.05}},"retry":{"baseDelaySeconds":5}}' >/dev/null

# Sign in like a browser to get the auth cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Form.Email=admin@load.test" \
  --data-urlencode "Form.Password=load-test-password-1" --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
cookie=$(awk '$6=="synchub.auth"{print $6"="$7}' "$jar")

# Feed records in batches of 1000 in the background while the pages are under load.
(
  for ((b = 0; b < records / 1000; b++)); do
    body=$(python3 -c "import json,sys; b=int(sys.argv[1]); print(json.dumps({'records':[{'entityType':'invoice','sourceId':f'L-{b*1000+i}','payload':{'amount':i}} for i in range(1000)]}))" "$b")
    api -X POST "$base/api/v1/integrations/load/records:batch" -d "$body" >/dev/null
  done
) &
feeder=$!
sleep 2

for path in / /failed; do
  echo "== GET $path: $connections connections, ${seconds}s, engine delivering =="
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$path" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
done
wait $feeder
echo "== after the run =="
api "$base/api/v1/integrations/load"; echo
