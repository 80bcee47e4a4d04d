#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against a real Keycloak distribution fetched from
# Maven Central with the freshly built jar installed, the admin console in headless Chromium, and Auth0's SDKs.
# Installs what a new machine lacks (as root, with apt).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

# curl sends Auth0's reference request; Debian's chromium and chromedriver drive the admin console and a web
# application; node and npm run Auth0's Node SDKs (src/test/node, pinned in its package-lock.json).
source scripts/require-packages.sh
require_packages curl:curl /usr/bin/chromium:chromium /usr/bin/chromedriver:chromium-driver node:nodejs npm:npm
source scripts/require-node.sh
require_node 20 19
(cd src/test/node && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)

exec ./mvnw -B verify "$@"
