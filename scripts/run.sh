#!/usr/bin/env bash
# Runs the API on http://127.0.0.1:5080 with Swagger UI. Starts the checkout's own PostgreSQL unless
# ConnectionStrings__CustomerCare names another database. Ctrl-C stops the API; the data stays.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -z "${ConnectionStrings__CustomerCare:-}" ]; then
  scripts/db.sh start
  ConnectionStrings__CustomerCare="$(scripts/db.sh conn)"
  export ConnectionStrings__CustomerCare
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export CustomerCare__Database__MigrateOnStartup="${CustomerCare__Database__MigrateOnStartup:-true}"

dotnet build src/Api/CustomerCare.Api.csproj -c Release -nologo -v quiet

base="${ASPNETCORE_URLS%%;*}"
cat <<MSG

  CustomerCare API   $base
  Swagger UI         $base/swagger
  Health             $base/health/ready
  Stop with Ctrl-C (the database keeps running: scripts/db.sh stop)

MSG
exec dotnet run --project src/Api/CustomerCare.Api.csproj -c Release --no-build --no-launch-profile
