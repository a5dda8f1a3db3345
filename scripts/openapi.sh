#!/usr/bin/env bash
# Regenerates openapi.yaml from what the API serves (the contract test then holds it to that).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -z "${CUSTOMERCARE_TEST_CONNECTION:-}" ] && ! docker info >/dev/null 2>&1; then
  (unset ConnectionStrings__CustomerCare; scripts/db.sh start)
  CUSTOMERCARE_TEST_CONNECTION="$(unset ConnectionStrings__CustomerCare; scripts/db.sh conn customercare_test)"
  export CUSTOMERCARE_TEST_CONNECTION
fi
UPDATE_OPENAPI=1 dotnet test tests/CustomerCare.Api.IntegrationTests -nologo -v quiet \
  --filter "FullyQualifiedName~OpenApiContractTests"
git --no-pager diff --stat -- openapi.yaml || true
