#!/usr/bin/env bash
# Lints openapi.yaml with Spectral and the OWASP API security ruleset (versions pinned in scripts/spectral/package-lock.json,
# installed from npm on first use; rule exceptions, each with its reason, in scripts/spectral/.spectral.yaml).
# Prints every finding (errors and warnings); exits non-zero when any finding is an error.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/spectral" && pwd)"
cd "$DIR"
if [ ! -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec node_modules/.bin/spectral lint ../../openapi.yaml --ruleset .spectral.yaml --fail-severity error "$@"
