#!/usr/bin/env bash
# Regenerates openapi.yaml from what the API serves (the contract test then holds it to that), and the TypeScript SDK's
# generated code and the .NET client from it (clients/typescript/src/generated, clients/dotnet; tests hold both to it).
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
# The TypeScript SDK is generated from the contract just written.
if [ ! -d clients/typescript/node_modules/@hey-api ] || [ clients/typescript/package-lock.json -nt clients/typescript/node_modules/.package-lock.json ]; then
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd clients/typescript && npx --no-install openapi-ts >/dev/null)
# And the .NET client partners reference.
bash clients/dotnet/generate.sh
git --no-pager diff --stat -- openapi.yaml clients/typescript/src/generated clients/dotnet || true
