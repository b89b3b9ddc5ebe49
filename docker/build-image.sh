#!/usr/bin/env bash
# Builds the product image from what 'mvn package' assembled (our JARs and realm in realm-config/target/keycloak).
# Maven runs it before the integration tests; it can also be run by hand from anywhere.
#   KEYCLOAK_BASE_IMAGE  base image (default quay.io/keycloak/keycloak:26.7.3; .ci/install-container-engine sets the
#                        stand-in localhost/keycloak-base:26.7.3 where no registry can be reached)
#   ALEXA_IMAGE          tag to build (default localhost/alexa-keycloak:dev)
# Without a container engine it says so and exits 0: the image tests are then skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

base="${KEYCLOAK_BASE_IMAGE:-quay.io/keycloak/keycloak:26.7.3}"
tag="${ALEXA_IMAGE:-localhost/alexa-keycloak:dev}"

if command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; then
  engine=podman
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
else
  echo "No container engine: image $tag not built, image tests will be skipped (.ci/install-container-engine sets one up)."
  exit 0
fi
if ! ls realm-config/target/keycloak/providers/alexa-linking-*.jar >/dev/null 2>&1; then
  echo "realm-config/target/keycloak is not assembled: run 'mvn package' first" >&2
  exit 1
fi

start=$(date +%s)
"$engine" build -q -f docker/Dockerfile --build-arg "KEYCLOAK_IMAGE=$base" -t "$tag" . >/dev/null
echo "Built $tag on $base with $engine in $(( $(date +%s) - start )) s"
