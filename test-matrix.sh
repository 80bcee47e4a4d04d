#!/usr/bin/env bash
# Runs every test (./test.sh) against each Keycloak release this extension supports, one release after another,
# and stops at the first release that fails. The same jar, built against the newest release's SPIs, is tested
# on each. KEYCLOAK_VERSIONS="26.5.6" picks other releases; extra arguments go to every `./mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

read -r -a versions <<< "${KEYCLOAK_VERSIONS:-26.4.7 26.5.6 26.7.3}"

for version in "${versions[@]}"; do
    # Maven's last line may leave the cursor mid-line: each message starts on its own.
    printf '\n=== Keycloak %s ===\n' "$version"
    started=$SECONDS
    if ! ./test.sh -Dkeycloak.version="$version" "$@"; then
        printf '\n=== FAILED against Keycloak %s: see target/failsafe-reports/ and target/it/keycloak-test.log ===\n' "$version" >&2
        exit 1
    fi
    printf '\n=== Keycloak %s passed in %d s ===\n' "$version" $((SECONDS - started))
done
printf '\n=== All passed: Keycloak %s ===\n' "${versions[*]}"
