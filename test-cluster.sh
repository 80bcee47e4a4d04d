#!/usr/bin/env bash
# Two Keycloak nodes on this machine sharing one PostgreSQL database, clustered by Keycloak's default
# discovery over loopback: a request pushed on node A is logged in and redeemed on node B, also after node A
# stopped. Then the hostile-input suite on one node with PostgreSQL. Installs (Debian's postgresql, as root) and
# starts PostgreSQL when it is absent or stopped.
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
checkout="$(pwd | cksum | cut -d ' ' -f 1)"
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -p $port -qAt -c \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'kcauth0'")" = "1" ] \
    || psql_admin "CREATE ROLE kcauth0 LOGIN PASSWORD 'kcauth0'"
# (chained: set -e does not reach into a command substitution)
fresh_database() {
    psql_admin "DROP DATABASE IF EXISTS $1" && psql_admin "CREATE DATABASE $1 OWNER kcauth0" \
        && echo "jdbc:postgresql://127.0.0.1:$port/$1"
}

cluster_db="$(fresh_database "kcauth0_cluster_$checkout")"
./mvnw -B verify -Pcluster -Dcluster.db.url="$cluster_db" \
    -Dcluster.db.username=kcauth0 -Dcluster.db.password=kcauth0 "$@"

# The hostile-input suite once more, on one server with PostgreSQL, which refuses NUL in text where the dev
# database takes it.
hostile_db="$(fresh_database "kcauth0_hostile_$checkout")"
exec ./mvnw -B verify -Dit.test=HostileInputIT,EveryEndpointHostileIT -Dtest.db.url="$hostile_db" \
    -Dtest.db.username=kcauth0 -Dtest.db.password=kcauth0 "$@"
