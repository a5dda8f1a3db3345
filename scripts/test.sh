#!/usr/bin/env bash
# Runs every test project of the solution against a real PostgreSQL and ends with one line:
#   N passed, N failed, N skipped
# The database: CUSTOMERCARE_TEST_CONNECTION when set; else Testcontainers when a Docker engine answers;
# else the checkout's own cluster (scripts/db.sh), installed and started as needed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -n "${CUSTOMERCARE_TEST_CONNECTION:-}" ]; then
  echo "test: database from CUSTOMERCARE_TEST_CONNECTION"
elif docker info >/dev/null 2>&1; then
  echo "test: a Docker engine answers; the tests start PostgreSQL with Testcontainers"
else
  # The test database is ours even when the developer points the API elsewhere.
  (unset ConnectionStrings__CustomerCare; scripts/db.sh start) || { echo "0 passed, 1 failed"; exit 1; }
  CUSTOMERCARE_TEST_CONNECTION="$(unset ConnectionStrings__CustomerCare; scripts/db.sh conn customercare_test)"
  export CUSTOMERCARE_TEST_CONNECTION
  echo "test: database from scripts/db.sh (customercare_test)"
fi

# From Debian: Chromium for the browser tests (Playwright cannot download browsers here), Prometheus for the metrics
# tests (its promtool checks deploy/prometheus/alerts.yml; the server scrapes a test API), and for the container image
# tests docker-registry, which hands the SDK its base image (scripts/image.sh), jq, which reads the image's config, and
# docker-compose, which validates deploy/compose.yaml without an engine.
missing=""
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing="$missing chromium"; fi
if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then missing="$missing prometheus"; fi
if ! command -v docker-registry >/dev/null 2>&1; then missing="$missing docker-registry"; fi
if ! command -v jq >/dev/null 2>&1; then missing="$missing jq"; fi
if ! command -v docker-compose >/dev/null 2>&1; then missing="$missing docker-compose"; fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test: installing Debian's$missing"
    # The rest without their recommends (Prometheus's node exporter and collectors): the tests run the servers themselves.
    others="${missing/ chromium/}"
    { apt-get update -qq \
      && { [ "${missing#*chromium}" = "$missing" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
      && { [ -z "$others" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $others; }; } >/dev/null 2>&1 \
      || echo "test: apt-get install$missing failed; the tests that need them will report it"
  else
    echo "test: missing$missing; install (as root: apt-get install -y$missing) or set CHROMIUM_PATH"
  fi
fi

# s3rver (npm, pinned in scripts/s3rver): the real S3-compatible server the attachment tests start for the S3 store.
scripts/s3rver.sh install || echo "test: installing s3rver failed; the S3 attachment tests will report it"

# The TypeScript SDK's packages (versions pinned by its package-lock.json), for its lifecycle and staleness tests.
if [ ! -d clients/typescript/node_modules/@hey-api ] || [ clients/typescript/package-lock.json -nt clients/typescript/node_modules/.package-lock.json ]; then
  echo "test: npm ci in clients/typescript"
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error) || echo "test: npm ci in clients/typescript failed; the SDK tests will report it"
fi

results="$ROOT/.data/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet tool restore >/dev/null
if ! dotnet build CustomerCare.sln -c Release -nologo -v quiet; then
  echo "test: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test CustomerCare.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a counted test failure (a crash, a missing result file)
fi
echo
# The failed tests by name, last, where a CI log cut to its tail still shows them (their output is above).
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' "$trx" \
    | sed -e 's/.* testName="\([^"]*\)".* outcome="\([^"]*\)".*/\2: \1/' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
  printf '%s: %s\n' "$(grep -o 'storage="[^"]*"' "$trx" | head -n 1 | sed -e 's/.*[\/]//' -e 's/"$//')" \
    "$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 | grep -o ' \(total\|executed\|passed\|failed\)="[0-9]*"' | tr -d '"' | tr '\n' ' ')"
  # What the runner itself reported (a test host that crashed or was aborted leaves no failed test to name).
  tr -d '\r' < "$trx" | sed -n '/<RunInfos>/,/<\/RunInfos>/p' | sed -e 's/<[^>]*>//g' -e '/^[[:space:]]*$/d' \
    | head -n 20 | sed "s|^|run error ($(basename "$trx")): |"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$files" -gt 0 ]
