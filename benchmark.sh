#!/usr/bin/env bash
# Benchmarks this extension's /oauth/par against Keycloak's own PAR endpoint on one Keycloak server, same
# realm, client and body: requests/s and p50/p99 latency under wrk in interleaved rounds after a warm-up, whole
# logins per second, heap per pending request. Prints the report and writes it to target/benchmark.md.
# `./benchmark.sh flood` instead floods each endpoint with valid pushes for four 50 s slices, on a fresh server
# with Keycloak's default heap, and writes target/flood.md (about 10 minutes).
# `./benchmark.sh soak` instead pushes requests nobody redeems, with a 5 s PAR lifespan, at a steady rate and then at
# full speed, against each endpoint in dev and production mode on fresh servers with Keycloak's default heap: heap
# after full GC and the store's entries in memory per slice; writes target/soak.md and docs/soak-heap.png (about 25 minutes).
# `./benchmark.sh realm-size` instead pushes requests naming one of 10,000 organizations and one of 1,000 APIs
# (Auth0's organization and audience) against Keycloak's endpoint given them as scopes; writes target/realm-size.md.
# Arguments -Dname=value set the benchmarks' system properties, e.g. -Dbench.round.seconds=2 (see BENCHMARKS.md).
# Installs wrk (Debian's package, as root) when absent. Takes about 18 minutes (realm-size about 15); run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

source scripts/require-packages.sh
require_packages wrk:wrk

version="${KEYCLOAK_VERSION:-26.7.3}"
# Builds the jar, compiles the benchmark and unpacks Keycloak; the benchmark runs on a copy of its own.
./mvnw -B -q -DskipTests -Dkeycloak.version="$version" verify
rm -rf target/bench && mkdir -p target/bench
cp -r "target/it/keycloak-$version" target/bench/
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

case "${1:-}" in
    flood) shift; benchmark=io.github.kcauth0.bench.FloodBenchmark ;;
    realm-size) shift; benchmark=io.github.kcauth0.bench.RealmSizeBenchmark ;;
    soak) shift; benchmark=io.github.kcauth0.bench.SoakBenchmark ;;
    *) benchmark=io.github.kcauth0.bench.ParBenchmark ;;
esac
if [ "$benchmark" != io.github.kcauth0.bench.FloodBenchmark ] && [ "$benchmark" != io.github.kcauth0.bench.SoakBenchmark ]; then
    # Room for the pushed requests that pile up at a few thousand per second until they expire.
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms1g -Xmx1g}"
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    -Dkeycloak.home="target/bench/keycloak-$version" -Dkeycloak.version="$version" \
    -Dprovider.jar="$(ls target/keycloak-auth0-par-*[0-9T].jar)" -Ddemo.realm=demo/demo-realm.json \
    -Dprobe.jar="$(ls target/keycloak-auth0-par-*-store-probe.jar)" \
    "$@" "$benchmark"
