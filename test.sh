#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against a real Keycloak distribution fetched from
# Maven Central with the freshly built jar installed, and the admin console in headless Chromium.
# Installs what a new machine lacks (as root, with apt).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

# curl sends Auth0's reference request; Debian's chromium and chromedriver drive the admin console.
source scripts/require-packages.sh
require_packages curl:curl /usr/bin/chromium:chromium /usr/bin/chromedriver:chromium-driver

exec ./mvnw -B verify "$@"
