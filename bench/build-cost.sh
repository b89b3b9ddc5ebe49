#!/usr/bin/env bash
# What our JARs add to 'kc.sh build' (the step of the Docker image and of every optimized start-up), against a control
# in the same run: the same Keycloak distribution and options without them. Runs the two alternately, ROUNDS times
# each, and prints every duration, the medians and the size of our JARs.
#   bench/build-cost.sh            after 'mvn package' (it reads realm-config/target/keycloak)
#   ROUNDS=5 bench/build-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
assembly=realm-config/target/keycloak
ls "$assembly"/providers/alexa-linking-*.jar >/dev/null 2>&1 || { echo "no assembly: run 'mvn package' first" >&2; exit 1; }

work="$(mktemp -d /tmp/alexa-build-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp -a "$assembly" "$work/with"
cp -a "$assembly" "$work/control"
rm -f "$work/control"/providers/alexa-linking-*.jar
# The options the image builds with (docker/Dockerfile).
options=(build --db=postgres --health-enabled=true --metrics-enabled=true --features=declarative-ui)

time_build() {
  local start end
  start=$(date +%s%N)
  "$1/bin/kc.sh" "${options[@]}" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

with=() control=()
for round in $(seq 1 "$rounds"); do
  control+=("$(time_build "$work/control")")
  with+=("$(time_build "$work/with")")
  echo "round $round: control ${control[-1]} ms, with our JARs ${with[-1]} ms"
done
m_control=$(printf '%s\n' "${control[@]}" | median)
m_with=$(printf '%s\n' "${with[@]}" | median)
jars=$(du -cb "$assembly"/providers/alexa-linking-*.jar | tail -1 | cut -f1)
echo "kc.sh build median: control ${m_control} ms, with our JARs ${m_with} ms, difference $(( m_with - m_control )) ms"
echo "our JARs: ${jars} bytes ($(ls "$assembly"/providers/ | tr '\n' ' '))"
