#!/usr/bin/env bash
# Lints openapi.yaml with the linters in scripts/openapi-lint (versions pinned in its package-lock.json, installed from
# npm on first use):
#   scripts/lint-openapi.sh                 both, human-readable
#   scripts/lint-openapi.sh spectral [ARGS]  Spectral with the OWASP API security ruleset (exceptions, each with its
#                                            reason, in scripts/openapi-lint/.spectral.yaml); ARGS go to spectral lint
#   scripts/lint-openapi.sh redocly [ARGS]   Redocly CLI's recommended rules (scripts/openapi-lint/redocly.yaml)
# Prints every finding (errors and warnings); exits non-zero when any finding is an error.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/openapi-lint" && pwd)"
cd "$DIR"
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
spectral() { node_modules/.bin/spectral lint ../../openapi.yaml --ruleset .spectral.yaml --fail-severity error "$@"; }
redocly() { node_modules/.bin/redocly lint ../../openapi.yaml --config redocly.yaml "$@"; }
case "${1:-all}" in
  spectral) shift; spectral "$@" ;;
  redocly) shift; redocly "$@" ;;
  all) status=0; spectral || status=$?; redocly || status=$?; exit "$status" ;;
  *) echo "usage: $0 [spectral|redocly] [ARGS]" >&2; exit 2 ;;
esac
