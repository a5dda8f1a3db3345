#!/usr/bin/env bash
# The import scenario of scripts/bench.sh: a partner's file of ROWS new complaints (NDJSON, each with a new customer)
# posted to POST /complaints/import at BASE as the partner with PARTNER_KEY; the job is polled until it completes.
# Prints one JSON line: rows, seconds from the POST to the job's end, rows per second, and the job's counts.
#   scripts/bench/import.sh BASE PARTNER_KEY WORK_DIR [ROWS]
set -euo pipefail
BASE="$1" KEY="$2" WORK="$3" ROWS="${4:-10000}"
mkdir -p "$WORK"
FILE="$WORK/import-$ROWS.ndjson"
RUN="$(date +%s%N)"
python3 - "$ROWS" "$RUN" >"$FILE" <<'PY'
import json, sys
rows, run = int(sys.argv[1]), sys.argv[2]
for i in range(1, rows + 1):
    print(json.dumps({"externalReference": f"IMP-{run}-{i}", "channel": "partner", "title": "宽带断网",
                      "description": f"整栋楼无法上网，订单 {run[-6:]}-{i}。", "severity": "general",
                      "customer": {"name": f"导入客户 {i}", "phone": f"+86 137 {(int(run) // 1000 + i) % 10000:04d} {i % 10000:04d}"}},
                     ensure_ascii=False))
PY
start=$(date +%s.%N)
location="$(curl -fsS -o /dev/null -D - -X POST "$BASE/api/v1/complaints/import" -H "X-Api-Key: $KEY" \
  -H 'Content-Type: application/x-ndjson' -H "Idempotency-Key: bench-import-$RUN" --data-binary "@$FILE" \
  | sed -n 's/^[Ll]ocation: *\(.*\)\r$/\1/p')"
[ -n "$location" ] || { echo "import: no Location in the answer" >&2; exit 1; }
deadline=$(( $(date +%s) + 900 )) # a job that has not ended in 15 minutes is reported as it stands
while :; do
  job="$(curl -fsS "$BASE$location" -H "X-Api-Key: $KEY")"
  status="$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')"
  if [ "$status" = completed ] || [ "$status" = failed ] || [ "$(date +%s)" -ge "$deadline" ]; then break; fi
  sleep 0.1
done
end=$(date +%s.%N)
python3 - "$job" "$start" "$end" <<'PY'
import json, sys
job, start, end = json.loads(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
seconds = end - start
print(json.dumps({"scenario": "import", "kind": "import", "status": job["status"], "rows": job["totalRows"], "created": job["created"],
                  "duplicates": job["duplicates"], "errors": job["errors"], "seconds": round(seconds, 2),
                  "rowsPerSecond": round(job["created"] / seconds, 1) if seconds else 0}))
PY
