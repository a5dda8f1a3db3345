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

# Local secrets of this checkout, made once and kept in .data/ (git-ignored).
mkdir -p .data
secret() { # file: prints the secret kept in .data/<file>, making it on first use
  local file=".data/$1"
  if [ ! -s "$file" ]; then
    (umask 077; printf '%s-%s7\n' "$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)" "$2" >"$file")
  fi
  tr -d '\n' <"$file"
}
if [ -z "${CustomerCare__Auth__SigningKey:-}" ]; then
  if [ ! -s .data/jwt-signing.key ]; then (umask 077; head -c 48 /dev/urandom | base64 -w0 >.data/jwt-signing.key); fi
  CustomerCare__Auth__SigningKey="$(cat .data/jwt-signing.key)"
  export CustomerCare__Auth__SigningKey
fi
export CustomerCare__PersonalData__KeyDirectory="${CustomerCare__PersonalData__KeyDirectory:-$ROOT/.data/keys}"
export CustomerCare__Bootstrap__AdminEmail="${CustomerCare__Bootstrap__AdminEmail:-admin@customercare.example}"
export CustomerCare__Bootstrap__AdminPassword="${CustomerCare__Bootstrap__AdminPassword:-$(secret admin.pw Adm)}"
export CustomerCare__Bootstrap__DemoStaffPassword="${CustomerCare__Bootstrap__DemoStaffPassword:-$(secret demo.pw Demo)}"

# An empty database gets a realistic demo history (customers, handlers, two quarters of complaints) for the dashboard.
export CustomerCare__Demo__SeedData="${CustomerCare__Demo__SeedData:-true}"

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
# glibc's malloc arenas bounded from the first allocation, as the image does (src/Api/Infrastructure/Hosting/MallocArenas.cs).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export CustomerCare__Database__MigrateOnStartup="${CustomerCare__Database__MigrateOnStartup:-true}"
# A local run tries webhooks against receivers on this machine (e.g. http://127.0.0.1:9000/hooks).
export CustomerCare__Webhooks__AllowHttp="${CustomerCare__Webhooks__AllowHttp:-true}"
export CustomerCare__Webhooks__AllowPrivateNetworks="${CustomerCare__Webhooks__AllowPrivateNetworks:-true}"

echo "run: building the API (the first build restores packages and takes a minute or two)"
dotnet build src/Api/CustomerCare.Api.csproj -c Release -nologo -v minimal -clp:NoSummary

base="${ASPNETCORE_URLS%%;*}"
# The API prints this once it listens (the first start also creates the schema and the demo data, which takes a while).
CUSTOMERCARE_RUN_BANNER="$(cat <<MSG

  CustomerCare API is ready   $base
  Swagger UI                  $base/swagger   (sign in with "Try it out" on POST /api/v1/auth/token, then "Authorize")
  Dashboard                   $base/dashboard   (supervisor, manager or admin)
  Health                      $base/health/ready

  Sign in:
    admin       $CustomerCare__Bootstrap__AdminEmail   $CustomerCare__Bootstrap__AdminPassword
    agent       agent@customercare.example   $CustomerCare__Bootstrap__DemoStaffPassword   (Swagger UI's sign-in example)
    supervisor  supervisor@customercare.example   (same password)
    manager     manager@customercare.example   (same password)
  (initial passwords, kept in .data/admin.pw and .data/demo.pw; the admin is created only while none exists)

  Stop with Ctrl-C (the database keeps running: scripts/db.sh stop)
MSG
)"
export CUSTOMERCARE_RUN_BANNER
echo "run: starting the API on $base (the first start creates the database schema and demo data)"
# Data protection keys sit in .data/ (mode 0700) on this machine, where Linux has no key encryptor: its warning that
# they are stored unencrypted is expected here (a production deployment configures one; see docs/scaling.md).
exec env "Logging__LogLevel__Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager=Error" \
  dotnet run --project src/Api/CustomerCare.Api.csproj -c Release --no-build --no-launch-profile
