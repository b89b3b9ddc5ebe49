#!/usr/bin/env bash
# Builds localhost/keycloak-base:<version>, a stand-in for quay.io/keycloak/keycloak:<version> where no container
# registry can be reached: the same layout (Keycloak in /opt/keycloak owned by uid 1000, group 0), user, entrypoint
# and environment, made from Debian packages (debootstrap, OpenJDK 17) and the distribution on Maven Central.
# Needs root (debootstrap) and podman. Does nothing when the image exists.
set -euo pipefail

# The default: the version of the Dockerfile's base image (ARG KEYCLOAK_IMAGE).
version="${KEYCLOAK_VERSION:-$(sed -n 's/^ARG KEYCLOAK_IMAGE=.*://p' "$(dirname "$0")/Dockerfile")}"
image="localhost/keycloak-base:$version"
if podman image exists "$image"; then
  echo "$image exists"
  exit 0
fi

mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
dist="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz"
[ -f "$dist" ] || mvn -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" -Dtransitive=false
[ -f "$dist" ] || dist="$(find "${MAVEN_REPO:-$HOME/.m2/repository}" -name "keycloak-quarkus-dist-$version.tar.gz" | head -1)"

root="$(mktemp -d /tmp/keycloak-base.XXXXXX)"
trap 'rm -rf "$root"' EXIT
echo "debootstrap bookworm with openjdk-17-jre-headless into $root"
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -20 "$root.log"; exit 1; }
rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
mkdir -p "$root/opt"
tar -xzf "$dist" -C "$root/opt"
mv "$root/opt/keycloak-$version" "$root/opt/keycloak"
chown -R 1000:0 "$root/opt/keycloak"
chmod -R g+rwX "$root/opt/keycloak"

tar -C "$root" -cf - . | podman import \
  --change 'ENV KC_RUN_IN_CONTAINER=true' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 1000' \
  --change 'WORKDIR /opt/keycloak' \
  --change 'EXPOSE 8080' --change 'EXPOSE 8443' --change 'EXPOSE 9000' \
  --change 'ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]' \
  - "$image"
echo "built $image"
