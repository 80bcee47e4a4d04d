#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against a real Keycloak distribution fetched from
# Maven Central with the freshly built jar installed, and the admin console in headless Chromium.
# Installs what a new machine lacks (as root, with apt).
set -euo pipefail
cd "$(dirname "$0")"

# curl sends Auth0's reference request; Debian's chromium and chromedriver drive the admin console.
missing=()
command -v curl >/dev/null || missing+=(curl)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "Please install: ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

exec mvn -B verify "$@"
