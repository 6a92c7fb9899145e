#!/usr/bin/env bash
# Measures Retry All Failed at scale: N records fail (nothing listens at the webhook's address), the
# destination comes up, one API call retries them all. Prints the time, the rate and the app's peak memory.
# Usage: scripts/bench-retry-all.sh [records=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-100000}
port=5097; dest=5096; base="http://127.0.0.1:$port"; key="bench-key-0123456789"
work=$(mktemp -d); db="$work/bench.db"
dotnet build src/SyncHub.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet src/SyncHub.Web/bin/Release/net10.0/SyncHub.Web.dll --Urls="$base" --ConnectionStrings:SyncHub="Data Source=$db" \
  --SyncHub:Demo:Enabled=false --SyncHub:ApiKeys:0="$key" --SyncHub:Admin:Email=admin@bench.test \
  --SyncHub:Admin:Password=bench-password-123 --SyncHub:Delivery:InCallRetries=0 --Logging:LogLevel:Default=Warning >"$work/app.log" 2>&1 &
app=$!
server=""
trap 'kill $app $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done
api() { curl -sf -H "X-Api-Key: $key" -H 'Content-Type: application/json' "$@"; }
count() { api "$base/api/v1/integrations/bench" | python3 -c "import json,sys; c=json.load(sys.stdin)['counts']; print(c['$1'])"; }

api -X POST "$base/api/v1/integrations" -d "{\"slug\":\"bench\",\"name\":\"Bench\",\"connector\":\"webhook\",
  \"settings\":{\"url\":\"http://127.0.0.1:$dest/hook\"},\"retry\":{\"baseDelaySeconds\":86400}}" >/dev/null
echo "ingesting $records records (the destination is down)..."
for ((b = 0; b < records / 1000; b++)); do
  python3 -c "import json,sys; b=int(sys.argv[1]); print(json.dumps({'records':[{'entityType':'invoice','sourceId':f'B-{b*1000+i}','payload':{'amount':i}} for i in range(1000)]}))" "$b" \
    | api -X POST "$base/api/v1/integrations/bench/records:batch" -d @- >/dev/null
done
until [ "$(count failed)" -eq "$records" ]; do sleep 2; done
echo "all $records failed (connection refused)"

# The destination comes back: a minimal threaded HTTP server answering 201.
python3 - "$dest" <<'PY' &
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"id":"x"}'
        self.send_response(201); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
server=$!
sleep 1
peak=0
start=$(date +%s.%N)
op=$(api -X POST "$base/api/v1/integrations/bench/records/retry" -d '{"all":true}' | python3 -c "import json,sys; print(json.load(sys.stdin)['operationId'])")
while true; do
  state=$(api "$base/api/v1/operations/$op")
  rss=$(awk '/VmRSS/{print $2}' /proc/$app/status); [ "$rss" -gt "$peak" ] && peak=$rss
  echo "$state" | grep -q '"completed"' && break
  sleep 1
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
echo "$state"
python3 -c "print(f'Retry All of $records records: {float(\"$elapsed\"):.1f} s, {$records/float(\"$elapsed\"):.0f} records/s, peak RSS {$peak/1024:.0f} MB')"
