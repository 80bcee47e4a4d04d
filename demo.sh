#!/usr/bin/env bash
# Runs the extension in Keycloak: builds the jar, fetches the Keycloak distribution from Maven Central,
# installs the jar and the demo realm, and starts Keycloak on its embedded dev database at
# http://localhost:8080 (admin console: admin / admin). Needs only a JDK 17+: ./mvnw fetches Maven.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

version="${KEYCLOAK_VERSION:-26.7.3}"
home="target/demo/keycloak-${version}"

./mvnw -B -q -DskipTests package
if [ ! -x "$home/bin/kc.sh" ]; then
    ./mvnw -B -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:${version}:zip" \
        -DoutputDirectory=target/demo -Dmdep.overWriteReleases=true
fi
rm -f "$home"/providers/*.jar
cp target/keycloak-auth0-par-*.jar "$home/providers/"
mkdir -p "$home/data/import"
cp demo/demo-realm.json "$home/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
# declarative-ui: the admin console's "Auth0 PAR" tab (Realm settings).
# Auth0 keeps up to 10 ext-* parameters; Keycloak keeps 5 parameters it does not know unless told otherwise, and
# 5 more count against that limit (the README's ext-* row says which). authorization_details travel as such a
# parameter, 2,000 characters at most unless told otherwise (README, Rich Authorization Requests).
exec "$home/bin/kc.sh" start-dev --import-realm --health-enabled=true --metrics-enabled=true \
    --features=declarative-ui \
    --spi-login-protocol--openid-connect--add-req-params-max-number=16 \
    --spi-login-protocol--openid-connect--add-req-params-max-size=8000 "$@"
