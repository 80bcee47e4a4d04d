#!/usr/bin/env bash
# Two Keycloak nodes on this machine sharing one PostgreSQL database, clustered by Keycloak's default
# discovery over loopback: a request pushed on node A is logged in and redeemed on node B, also after node A
# stopped. Installs (Debian's postgresql, as root) and starts PostgreSQL when it is absent or stopped.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require-jdk.sh
require_jdk

source scripts/require-packages.sh
require_packages pg_lsclusters:postgresql
read -r version name port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
fi

# A fresh database for each run, one per checkout, so that two checkouts on one machine can run this at once.
database="kcauth0_cluster_$(pwd | cksum | cut -d ' ' -f 1)"
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -p $port -qAt -c \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'kcauth0'")" = "1" ] \
    || psql_admin "CREATE ROLE kcauth0 LOGIN PASSWORD 'kcauth0'"
psql_admin "DROP DATABASE IF EXISTS $database"
psql_admin "CREATE DATABASE $database OWNER kcauth0"

exec ./mvnw -B verify -Pcluster \
    -Dcluster.db.url="jdbc:postgresql://127.0.0.1:$port/$database" \
    -Dcluster.db.username=kcauth0 -Dcluster.db.password=kcauth0 "$@"
