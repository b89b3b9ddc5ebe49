#!/usr/bin/env bash
# What our JARs add to the image, against a control built the same way in the same run: docker/Dockerfile's two
# stages on the same base, with the same build options, but without our JARs and realm. Needs the engine that
# docker/build-image.sh uses (podman or docker) and the product image it built.
#   bench/image-cost.sh
#   KEYCLOAK_BASE_IMAGE=localhost/keycloak-base:26.7.3 ALEXA_IMAGE=localhost/alexa-keycloak:dev bench/image-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
base="${KEYCLOAK_BASE_IMAGE:-$(sed -n 's/^ARG KEYCLOAK_IMAGE=//p' docker/Dockerfile)}"
product="${ALEXA_IMAGE:-localhost/alexa-keycloak:dev}"
engine=$(command -v podman >/dev/null 2>&1 && echo podman || echo docker)
"$engine" image inspect "$product" >/dev/null 2>&1 || { echo "no image $product: run docker/build-image.sh first" >&2; exit 1; }

context="$(mktemp -d /tmp/alexa-image-cost.XXXXXX)"
trap 'rm -rf "$context"' EXIT
# The product Dockerfile minus our COPY lines: the control.
grep -v -e 'realm-config/target/keycloak' docker/Dockerfile > "$context/Dockerfile"
"$engine" build -q -f "$context/Dockerfile" --build-arg "KEYCLOAK_IMAGE=$base" -t localhost/alexa-keycloak-control:bench "$context" >/dev/null

size() { "$engine" image inspect --format '{{.Size}}' "$1"; }
with=$(size "$product")
control=$(size localhost/alexa-keycloak-control:bench)
echo "image with our JARs and realm: $with bytes ($product)"
echo "control, same build without them: $control bytes"
echo "difference: $(( with - control )) bytes"
