#!/usr/bin/env bash
# The upload scenario of scripts/bench.sh: 50 files of 20 MB attached one after another to complaints, through the API
# at BASE (process API_PID) as the partner with PARTNER_KEY, while the API's resident memory is sampled every 50 ms.
# Prints one JSON line: how far the working set rose above where it stood before the first upload.
#   scripts/bench/uploads.sh BASE API_PID PARTNER_KEY WORK_DIR [FILES] [MB]
set -euo pipefail
BASE="$1" API_PID="$2" KEY="$3" WORK="$4" FILES="${5:-50}" MB="${6:-20}"
mkdir -p "$WORK"
FILE="$WORK/evidence-${MB}mb.png"
if [ ! -s "$FILE" ] || [ "$(stat -c %s "$FILE")" -ne $(( MB * 1024 * 1024 )) ]; then
  { printf '\x89PNG\r\n\x1a\n'; head -c $(( MB * 1024 * 1024 - 8 )) /dev/urandom; } >"$FILE"
fi
rss() { sed -n 's/^VmRSS:\s*\([0-9]*\) kB/\1/p' "/proc/$API_PID/status"; }
complaint() {
  curl -fsS -X POST "$BASE/api/v1/complaints" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"channel\":\"partner\",\"title\":\"Evidence upload\",\"description\":\"Bench upload scenario\",\"externalReference\":\"UPLOAD-$(date +%s%N)\",\"customer\":{\"name\":\"Bench Upload\",\"phone\":\"+86 139 0000 0000\"}}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
# Warm the path once (JIT, pools), then take the baseline.
target="$(complaint)"
curl -fsS -o /dev/null -X POST "$BASE/api/v1/complaints/$target/attachments" -H "X-Api-Key: $KEY" -F "file=@$FILE;type=image/png"
sleep 1
baseline="$(rss)"
peak="$baseline"
samples="$WORK/rss.samples"
( while kill -0 "$API_PID" 2>/dev/null; do rss; sleep 0.05; done ) >"$samples" &
sampler=$!
start=$(date +%s.%N)
failed=0
for i in $(seq 1 "$FILES"); do
  # Five files per complaint keep within the default per-complaint limit (100 MB).
  if [ $(( (i - 1) % 5 )) -eq 0 ]; then target="$(complaint)"; fi
  curl -fsS -o /dev/null -X POST "$BASE/api/v1/complaints/$target/attachments" -H "X-Api-Key: $KEY" -F "file=@$FILE;type=image/png" || failed=$((failed + 1))
done
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
peak="$(sort -n "$samples" | tail -n 1)"
python3 - "$baseline" "$peak" "$FILES" "$MB" "$failed" "$start" "$end" <<'PY'
import json, sys
baseline, peak, files, mb, failed, start, end = sys.argv[1:8]
seconds = float(end) - float(start)
print(json.dumps({"scenario": f"upload-{files}x{mb}MB", "kind": "memory", "files": int(files), "fileMb": int(mb), "failed": int(failed),
                  "baselineMb": round(int(baseline) / 1024, 1), "peakMb": round(int(peak) / 1024, 1),
                  "riseMb": round((int(peak) - int(baseline)) / 1024, 1), "seconds": round(seconds, 1),
                  "mbPerSecond": round(int(files) * int(mb) / seconds, 1) if seconds else 0}))
PY
