#!/usr/bin/env bash
# The API's container image, built with the SDK's own container support (dotnet publish /t:PublishContainer): no
# container engine is needed to build it, and none runs here.
#
#   scripts/image.sh [ARCHIVE]      writes the image as an archive (default .data/image/customercare-api.tar) that
#                                   `docker load` / `podman load` take (an OCI image layout in a tar),
#                                   or `skopeo copy oci-archive:…` pushes to a registry
#   scripts/image.sh check ARCHIVE  checks an archive's config without an engine (user, entrypoint, port, volumes, labels)
#   scripts/image.sh run ARCHIVE DATA_DIR [ARGS...]
#                                   runs the image without an engine (as root): its layers unpacked, the root filesystem
#                                   read-only, a tmpfs on /tmp, DATA_DIR as the volume /var/lib/customercare, as the
#                                   image's user in its working directory, with the image's environment and the caller's
#                                   ConnectionStrings__*, CustomerCare__*, ASPNETCORE_*, DOTNET_*, OTEL_* and Logging__*;
#                                   ARGS go to the entrypoint (migrate, health)
#
# The base image: BASE_IMAGE when set (for example mcr.microsoft.com/dotnet/runtime-deps:10.0, pulled by the SDK).
# Otherwise one built here from Debian's own packages (glibc, libstdc++, OpenSSL, ICU, tzdata, the CA certificates and
# a non-root user `app`, uid 1654), because the SDK takes a base image from a registry only: it is handed to the SDK by
# Debian's docker-registry, started on loopback for the build and stopped after it. The API is published
# self-contained, so the base needs no .NET. ADR 0020 says why.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_UID=1654

# ---------------------------------------------------------------------------------------------------------------------
# The image in an archive written by the SDK: an OCI image layout (on an OCI base) or a Docker archive.
read_image() { # read_image ARCHIVE WORK: sets $config (the image config's file), $layers (the layers' files, in order)
  local archive="$1" work="$2" index manifest # and $names (the image's names with their tags)
  command -v jq >/dev/null || { echo "image: jq is needed (apt-get install jq)" >&2; exit 2; }
  member() { tar -xf "$archive" -C "$work" "$1" 2>/dev/null && printf '%s' "$work/$1"; }
  blob() { member "blobs/${1%%:*}/${1#*:}"; }
  if index="$(member index.json)"; then
    # index → manifest (the linux/amd64 one if it is an index itself) → config and layers
    names="$(jq -r '.manifests[].annotations["io.containerd.image.name"] // empty' "$index")"
    manifest="$(blob "$(jq -r '.manifests[0].digest' "$index")")"
    if jq -e '.manifests' "$manifest" >/dev/null; then
      manifest="$(blob "$(jq -r '.manifests[] | select(.platform.os == "linux" and .platform.architecture == "amd64") | .digest' "$manifest")")"
    fi
    config="$(blob "$(jq -r '.config.digest' "$manifest")")"
    layers="$(jq -r '.layers[].digest' "$manifest" | while read -r digest; do printf '%s\n' "$work/blobs/${digest%%:*}/${digest#*:}"; done)"
    [ "${3:-}" = "with-layers" ] && tar -xf "$archive" -C "$work" blobs
  elif manifest="$(member manifest.json)"; then
    names="$(jq -r '.[].RepoTags[]?' "$manifest")"
    config="$(member "$(jq -r '.[0].Config' "$manifest")")"
    layers="$(jq -r '.[0].Layers[]' "$manifest" | while read -r layer; do printf '%s\n' "$work/$layer"; done)"
    [ "${3:-}" = "with-layers" ] && tar -xf "$archive" -C "$work"
  else
    echo "image: $archive is neither an OCI image layout nor a Docker archive" >&2
    exit 2
  fi
  return 0
}

# check: the config of the image in an archive.
if [ "${1:-}" = "check" ]; then
  archive="${2:?usage: scripts/image.sh check ARCHIVE}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  read_image "$archive" "$work"
  failed=0
  expect() { # expect WHAT JQ-FILTER: the filter must yield true on the image config
    if jq -e "$2" "$config" >/dev/null; then
      echo "ok: $1"
    else
      echo "FAILED: $1 ($2)"
      failed=1
    fi
  }
  echo "names:" $names
  if grep -qx 'docker.io/customercare/api:latest' <<<"$names"; then echo "ok: named customercare/api:latest (deploy/compose.yaml's)"; else echo "FAILED: named customercare/api:latest"; failed=1; fi
  expect "runs as the non-root user $APP_UID" ".config.User == \"$APP_UID\""
  expect "starts the API" '.config.Entrypoint == ["/app/CustomerCare.Api"]'
  expect "exposes 8080/tcp" '.config.ExposedPorts | has("8080/tcp")'
  expect "listens on 8080" '.config.Env | index("ASPNETCORE_URLS=http://+:8080") != null'
  expect "keeps the key ring in a volume" '.config.Env | index("CustomerCare__PersonalData__KeyDirectory=/var/lib/customercare/keys") != null'
  expect "keeps evidence files in a volume" '.config.Env | index("CustomerCare__Attachments__Directory=/var/lib/customercare/attachments") != null'
  expect "bounds glibc's malloc arenas from the start" '.config.Env | index("MALLOC_ARENA_MAX=2") != null'
  expect "labels its title, version and revision" '.config.Labels | .["org.opencontainers.image.title"] == "CustomerCare API" and has("org.opencontainers.image.version") and (.["org.opencontainers.image.revision"] | test("^[0-9a-f]{40}$"))'
  expect "is for linux/amd64" '.os == "linux" and .architecture == "amd64"'
  exit "$failed"
fi

# run: the image without an engine.
if [ "${1:-}" = "run" ]; then
  archive="${2:?usage: scripts/image.sh run ARCHIVE DATA_DIR [ARGS...]}"
  data="${3:?usage: scripts/image.sh run ARCHIVE DATA_DIR [ARGS...]}"
  shift 3
  [ "$(id -u)" -eq 0 ] || { echo "image: run needs root (mount namespaces and chroot)" >&2; exit 2; }
  work="$(mktemp -d)"
  child=""
  # SIGTERM and SIGINT go to the API (the child of unshare), as an engine stops a container; the rootfs goes when it ends.
  trap '[ -n "$child" ] && pkill -TERM -P "$child"' TERM INT
  trap '[ -n "$child" ] && pkill -KILL -P "$child"; wait; rm -rf "$work"' EXIT
  read_image "$archive" "$work" with-layers
  mkdir "$work/rootfs"
  while read -r layer; do tar -xf "$layer" -C "$work/rootfs" --numeric-owner; done <<<"$layers"
  user="$(jq -r '.config.User // "0"' "$config")"
  uid="${user%%:*}"
  gid="$(awk -F: -v u="$uid" '$3 == u { print $4 }' "$work/rootfs/etc/passwd")"
  wd="$(jq -r '.config.WorkingDir // "/"' "$config")"
  mapfile -t entrypoint < <(jq -r '(.config.Entrypoint // [])[]' "$config")
  [ "$#" -gt 0 ] || mapfile -t -O "${#entrypoint[@]}" entrypoint < <(jq -r '(.config.Cmd // [])[]' "$config") # ARGS replace Cmd
  mapfile -t environment < <(jq -r '.config.Env[]' "$config"; env | grep -E '^(ConnectionStrings__|CustomerCare__|ASPNETCORE_|DOTNET_|OTEL_|Logging__)' || true)
  mkdir -p "$data"
  # As an engine does for a new volume: the directory takes the owner of the image's.
  [ -z "$(ls -A "$data")" ] && chown "$(stat -c %u:%g "$work/rootfs/var/lib/customercare")" "$data" && chmod 755 "$data"
  env -i "${environment[@]}" unshare --mount --pid --fork --kill-child=SIGKILL sh -c '
    set -e
    mount --bind "$1" "$1"
    cd "$1"; shift
    mount --rbind /dev dev
    mount -t proc proc proc
    mount -t tmpfs -o mode=1777 tmpfs tmp
    mount --bind "$1" var/lib/customercare; shift
    mount -o remount,bind,ro .
    wd="$1"; uid="$2"; gid="$3"; shift 3
    exec unshare --root=. --wd="$wd" --setuid="$uid" --setgid="$gid" -- "$@"
  ' sh "$work/rootfs" "$(cd "$data" && pwd)" "$wd" "$uid" "${gid:-$uid}" "${entrypoint[@]}" "$@" &
  child=$!
  status=0
  wait "$child" || status=$?
  while kill -0 "$child" 2>/dev/null; do # a trapped signal ended the wait, not the API
    status=0
    wait "$child" || status=$?
  done
  child=""
  exit "$status"
fi

ARCHIVE="${1:-$ROOT/.data/image/customercare-api.tar}"
case "$ARCHIVE" in /*) ;; *) ARCHIVE="$PWD/$ARCHIVE" ;; esac
mkdir -p "$(dirname "$ARCHIVE")"
work="$(mktemp -d "${TMPDIR:-/tmp}/customercare-image.XXXXXX")" # builds at once do not share it
registry_pid=""
cleanup() { [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------------------------------
# The base image from Debian's packages, as an OCI image in a loopback registry.
build_base() {
  command -v docker-registry >/dev/null || {
    echo "image: Debian's docker-registry is needed to hand the base image to the SDK (as root: apt-get install -y docker-registry)" >&2
    exit 2
  }
  local debs="$work/debs" rootfs="$work/rootfs" blobs="$work/blobs"
  mkdir -p "$debs" "$rootfs" "$blobs"
  # What a self-contained .NET app needs of the system (as Microsoft's runtime-deps image has it); GSSAPI (Kerberos),
  # which Npgsql loads to negotiate GSS encryption and cannot connect without; base-files for /etc/os-release, which
  # scanners read. Running the image (scripts/image.sh run) is what found each one missing.
  (cd "$debs" && apt-get download -q=2 base-files libc6 libgcc-s1 libstdc++6 libssl3 libicu72 tzdata ca-certificates \
    libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1) || {
    echo "image: apt-get download failed (as root, apt-get update first)" >&2
    exit 2
  }
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
  rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" "$rootfs/usr/share/locale" "$rootfs/usr/share/info"
  # What ca-certificates' maintainer script would do: the bundle OpenSSL reads, where Debian's openssl points it.
  mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/lib/ssl"
  find "$rootfs/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$rootfs/etc/ssl/certs/ca-certificates.crt"
  ln -sfn /etc/ssl/certs "$rootfs/usr/lib/ssl/certs"
  ln -sfn /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"
  ln -sfn /usr/share/zoneinfo/Etc/UTC "$rootfs/etc/localtime"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:%s:%s::/home/app:/usr/sbin/nologin\n' "$APP_UID" "$APP_UID" > "$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:%s:\n' "$APP_UID" > "$rootfs/etc/group"
  mkdir -p "$rootfs/tmp" "$rootfs/root" "$rootfs/home/app" "$rootfs/var/lib/customercare/keys" "$rootfs/var/lib/customercare/attachments"
  chmod 1777 "$rootfs/tmp"
  chmod 700 "$rootfs/var/lib/customercare/keys"

  # One layer, reproducible: sorted, one timestamp, owned by root but for the app's own directories.
  local layer="$work/layer.tar" epoch
  epoch="$(dpkg-deb -f "$debs"/base-files_*.deb Version >/dev/null && stat -c %Y "$debs"/base-files_*.deb)"
  local tar_opts=(--sort=name --mtime="@$epoch" --numeric-owner --format=gnu -C "$rootfs")
  tar -cf "$layer" "${tar_opts[@]}" --owner=0 --group=0 \
    --exclude=./home/app --exclude=./var/lib/customercare ./
  tar -rf "$layer" "${tar_opts[@]}" --owner="$APP_UID" --group="$APP_UID" ./home/app ./var/lib/customercare
  local diff_id layer_digest layer_size config_digest config_size manifest
  diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
  gzip -n -6 "$layer"
  layer_digest="sha256:$(sha256sum "$layer.gz" | cut -d' ' -f1)"
  layer_size="$(stat -c %s "$layer.gz")"
  cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)",
 "config":{"User":"$APP_UID","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_UID=$APP_UID","HOME=/home/app"],"WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)","created_by":"scripts/image.sh: Debian bookworm packages $(cd "$debs" && ls | tr '\n' ' ')"}]}
EOF
  config_digest="sha256:$(sha256sum "$work/config.json" | cut -d' ' -f1)"
  config_size="$(stat -c %s "$work/config.json")"
  manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",
 \"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"$config_digest\",\"size\":$config_size},
 \"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$layer_digest\",\"size\":$layer_size}]}"

  # A registry on a free loopback port, its storage in the work directory. The port is taken below the kernel's
  # ephemeral range (outgoing connections bind ports there: a port free when looked at may be taken a moment later),
  # and a registry that still cannot bind its port is started again on another.
  local port="" low attempt tries base
  low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
  [ "$low" -gt 12000 ] 2>/dev/null || low=32768
  for attempt in 1 2 3 4 5; do
    port=$((10000 + RANDOM % (low - 10000)))
    while (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((10000 + RANDOM % (low - 10000))); done
    printf '%s\n' 'version: 0.1' 'log: { level: error, accesslog: { disabled: true } }' \
      "storage: { filesystem: { rootdirectory: $work/registry } }" "http: { addr: 127.0.0.1:$port }" >"$work/registry.yml"
    docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
    registry_pid=$!
    tries=0
    until curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; do
      tries=$((tries + 1))
      kill -0 "$registry_pid" 2>/dev/null || break # it exited: the port was taken after all
      [ "$tries" -lt 100 ] || { echo "image: the registry did not start:" >&2; cat "$work/registry.log" >&2; exit 1; }
      sleep 0.1
    done
    kill -0 "$registry_pid" 2>/dev/null && break
    wait "$registry_pid" 2>/dev/null || true
    registry_pid=""
    echo "image: the registry could not listen on $port (attempt $attempt): $(tail -n 1 "$work/registry.log")" >&2
  done
  [ -n "$registry_pid" ] || { echo "image: the registry did not start:" >&2; cat "$work/registry.log" >&2; exit 1; }
  base="http://127.0.0.1:$port/v2/customercare/base"
  push_blob() { # push_blob FILE DIGEST: the registry's two-step upload
    local location
    location="$(curl -fsS -o /dev/null -D - -X POST "$base/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
    case "$location" in http*) ;; *) location="http://127.0.0.1:$port$location" ;; esac
    case "$location" in *\?*) location="$location&digest=$2" ;; *) location="$location?digest=$2" ;; esac
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$1" "$location"
  }
  push_blob "$layer.gz" "$layer_digest"
  push_blob "$work/config.json" "$config_digest"
  printf '%s' "$manifest" | curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary @- "$base/manifests/bookworm"
  BASE_IMAGE="127.0.0.1:$port/customercare/base:bookworm"
  export DOTNET_CONTAINER_INSECURE_REGISTRIES="127.0.0.1:$port"
}

if [ -z "${BASE_IMAGE:-}" ]; then
  build_base
  echo "image: base image from Debian's packages, served at $BASE_IMAGE"
fi

# ---------------------------------------------------------------------------------------------------------------------
# The API on it: the image's settings are in src/Api/CustomerCare.Api.csproj (user, port, environment, labels).
version="$(git -C "$ROOT" describe --tags --always --dirty 2>/dev/null || echo dev)"
dotnet publish "$ROOT/src/Api/CustomerCare.Api.csproj" -c Release -r linux-x64 --self-contained -nologo -v quiet \
  /t:PublishContainer \
  -p:ContainerBaseImage="$BASE_IMAGE" \
  -p:ContainerArchiveOutputPath="$ARCHIVE" \
  -p:ContainerImageTags=\"$version\;latest\" \
  -p:ContainerVersion="$version" \
  -p:SourceRevisionId="$(git -C "$ROOT" rev-parse HEAD)" \
  -p:PublishDir="$work/publish/"
echo "image: $ARCHIVE"
