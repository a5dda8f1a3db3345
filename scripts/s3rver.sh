#!/usr/bin/env bash
# Runs s3rver, the S3-compatible server pinned in scripts/s3rver (installed from npm on first use), in the foreground:
#   scripts/s3rver.sh install             only install it
#   scripts/s3rver.sh -d DIR -p PORT ...  serve DIR on PORT (s3rver's own options: --configure-bucket NAME, --silent, …)
# The attachment tests start it this way for the S3 store, on a free port with a temporary directory, and stop it after.
# s3rver signs with the access key S3RVER and the secret S3RVER.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/s3rver" && pwd)"
if [ ! -x "$DIR/node_modules/.bin/s3rver" ] || [ "$DIR/package-lock.json" -nt "$DIR/node_modules/.package-lock.json" ]; then
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
if [ "${1:-}" = "install" ]; then
  exit 0
fi
exec node "$DIR/node_modules/s3rver/bin/s3rver.js" "$@"
