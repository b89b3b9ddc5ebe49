#!/usr/bin/env bash
# Builds the product image from what 'mvn package' assembled (our JARs and realm in realm-config/target/keycloak).
# 'mvn verify' runs it before the image tests; it can also be run by hand from anywhere.
#   KEYCLOAK_BASE_IMAGE  base image: any supported Keycloak 26.0 to 26.7 (default: the Dockerfile's ARG KEYCLOAK_IMAGE;
#                        .ci/install-container-engine sets the stand-in localhost/keycloak-base:<version> where no
#                        registry can be reached)
#   ALEXA_IMAGE          tag to build (default localhost/alexa-keycloak:dev)
# The image tests talk to the engine through the Docker API (DOCKER_HOST, else /var/run/docker.sock), as
# Testcontainers does. Where no engine answers there, it fails (exit 1) saying what to run; with --if-engine (what
# 'mvn verify' passes) it says so and exits 0 instead, and the image tests are then skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

if_engine=false
for argument in "$@"; do
  case "$argument" in
    --if-engine) if_engine=true ;;
    *) echo "docker/build-image.sh: unknown argument '$argument' (the only option is --if-engine)" >&2; exit 2 ;;
  esac
done

base="${KEYCLOAK_BASE_IMAGE:-$(sed -n 's/^ARG KEYCLOAK_IMAGE=//p' docker/Dockerfile)}"
tag="${ALEXA_IMAGE:-localhost/alexa-keycloak:dev}"

api="${DOCKER_HOST:-unix:///var/run/docker.sock}"
engine=""
if [[ "$api" == unix://* ]] && [ -S "${api#unix://}" ]; then
  version=$(curl -sf --max-time 10 --unix-socket "${api#unix://}" http://localhost/version || true)
  if [[ "$version" == *'"Podman Engine"'* ]] && command -v podman >/dev/null 2>&1; then
    engine=podman
  elif [ -n "$version" ] && command -v docker >/dev/null 2>&1; then
    engine=docker
  fi
elif [[ "$api" == tcp://* ]] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
fi
if [ -z "$engine" ]; then
  if $if_engine; then
    echo "No container engine answers at $api: image $tag not built, so the image tests will be skipped."
    echo "(. .ci/install-container-engine sets up podman for them; see docs/deployment.md, 'Run with Docker'.)"
    exit 0
  fi
  echo "docker/build-image.sh: no container engine answers at $api, so image $tag was not built." >&2
  echo "Without a Docker daemon, run '. .ci/install-container-engine' first (podman with a Docker-compatible socket" >&2
  echo "and, where quay.io is unreachable, a stand-in base image), then this script again in the same shell." >&2
  exit 1
fi
if ! ls realm-config/target/keycloak/providers/alexa-linking-*.jar >/dev/null 2>&1; then
  echo "realm-config/target/keycloak is not assembled: run 'mvn package' first" >&2
  exit 1
fi

start=$(date +%s)
"$engine" build -q -f docker/Dockerfile --build-arg "KEYCLOAK_IMAGE=$base" -t "$tag" . >/dev/null
size=$("$engine" image inspect --format '{{.Size}}' "$tag")
echo "Built $tag on $base with $engine in $(( $(date +%s) - start )) s: $(( size / 1000000 )) MB"
