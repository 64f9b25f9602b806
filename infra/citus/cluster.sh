#!/usr/bin/env bash
# A Citus cluster on this machine for the scale-out suite: a coordinator and two workers, each a
# PostgreSQL 15 server of Debian's packages with the citus extension, on loopback ports.
#
#   infra/citus/cluster.sh build        build and install Citus once (from ../shared/citus or CITUS_SOURCE)
#   infra/citus/cluster.sh start        initdb (first time) and start the three servers, create DATABASE on each
#   infra/citus/cluster.sh fresh        drop DATABASE on every node and create it again, empty, as the product
#                                       expects it (extension, nodes, schema-based sharding on)
#   infra/citus/cluster.sh stop         stop them
#   infra/citus/cluster.sh destroy      stop them and remove their data
#   infra/citus/cluster.sh url          print the coordinator's DATABASE_URL
#
# Servers run as the `postgres` system user (PostgreSQL refuses root); data lives in CITUS_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
CITUS_DIR="${CITUS_DIR:-/tmp/opvangkring-citus}"
CITUS_SOURCE="${CITUS_SOURCE:-$ROOT/../shared/citus}"
CITUS_VERSION=13.2.2
COORDINATOR_PORT="${CITUS_COORDINATOR_PORT:-57640}"
WORKER_PORTS=("${CITUS_WORKER1_PORT:-57641}" "${CITUS_WORKER2_PORT:-57642}")
DATABASE="${CITUS_DATABASE:-opvangkring}"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

as_postgres() { $SUDO runuser -u postgres -- "$@"; }
psql_at() { local port=$1; shift; "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }

build() {
    if [ -f "$("$PG_BIN/pg_config" --pkglibdir)/citus.so" ] \
        && grep -q "default_version = '13.2" "$("$PG_BIN/pg_config" --sharedir)/extension/citus.control" 2>/dev/null; then
        return 0
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        postgresql-server-dev-15 libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libicu-dev \
        build-essential > /dev/null
    local work
    work="$(mktemp -d)"
    tar xzf "$CITUS_SOURCE/citus-$CITUS_VERSION.tar.gz" -C "$work"
    local src="$work"
    [ -d "$work/citus-$CITUS_VERSION" ] && src="$work/citus-$CITUS_VERSION"
    (cd "$src" && patch -p1 -s < "$CITUS_SOURCE/pg15-debian-compat.patch" \
        && ./configure --quiet > /dev/null && make -s -j"$(nproc)" > /dev/null && $SUDO make -s install > /dev/null)
    rm -rf "$work"
}

node_start() {
    local name=$1 port=$2 data="$CITUS_DIR/$1"
    if [ ! -f "$data/PG_VERSION" ]; then
        $SUDO install -d -o postgres -g postgres "$CITUS_DIR" "$data"
        as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
        echo "include 'opvangkring.conf'" | $SUDO tee -a "$data/postgresql.conf" > /dev/null
    fi
    # Written at every start, so that a cluster made by an older version of this script gets today's settings.
    # Commits stay synchronous: `citus_schema_move` waits for the new worker to replay the old one's WAL up to
    # pg_current_wal_lsn(), which leaves out commits not yet written from the WAL buffers — with
    # synchronous_commit off, the last ~200 ms (wal_writer_delay) of writes before the switch would be lost
    # (tests/citus/test_move_a_location.py fails). fsync off only skips the flush to disk: a throwaway cluster.
    cat <<CONF | $SUDO tee "$data/opvangkring.conf" > /dev/null
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$CITUS_DIR'
shared_preload_libraries = 'citus'
max_connections = 200
max_prepared_transactions = 200
wal_level = logical
fsync = off
synchronous_commit = on
full_page_writes = off
citus.max_cached_conns_per_worker = 4
CONF
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" status > /dev/null 2>&1; then
        as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start > /dev/null
    fi
}

create_database() {
    local port=$1
    if [ -z "$(psql_at "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
        psql_at "$port" -d postgres -c "CREATE DATABASE \"$DATABASE\""
    fi
    psql_at "$port" -d "$DATABASE" -c "CREATE EXTENSION IF NOT EXISTS citus"
}

start() {
    build
    node_start coordinator "$COORDINATOR_PORT"
    local i=1
    for port in "${WORKER_PORTS[@]}"; do node_start "worker$i" "$port"; i=$((i + 1)); done
    for port in "$COORDINATOR_PORT" "${WORKER_PORTS[@]}"; do create_database "$port"; done
    psql_at "$COORDINATOR_PORT" -d "$DATABASE" -c "SELECT citus_set_coordinator_host('127.0.0.1', $COORDINATOR_PORT)" > /dev/null
    for port in "${WORKER_PORTS[@]}"; do
        psql_at "$COORDINATOR_PORT" -d "$DATABASE" -tAc \
            "SELECT citus_add_node('127.0.0.1', $port) WHERE NOT EXISTS (SELECT 1 FROM pg_dist_node WHERE nodeport = $port)" > /dev/null
    done
}

fresh() {
    start
    for port in "${WORKER_PORTS[@]}" "$COORDINATOR_PORT"; do
        psql_at "$port" -d postgres -c "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)"
    done
    start
    # Every new location schema becomes a distributed schema on a worker (cooperative/citus.py keeps the
    # template on the coordinator).
    psql_at "$COORDINATOR_PORT" -d postgres -c \
        "ALTER DATABASE \"$DATABASE\" SET citus.enable_schema_based_sharding TO on"
}

stop() {
    for name in worker2 worker1 coordinator; do
        [ -f "$CITUS_DIR/$name/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$CITUS_DIR/$name" -m fast -w stop > /dev/null 2>&1 || true
    done
}

case "${1:-}" in
    build) build ;;
    start) start ;;
    fresh) fresh ;;
    stop) stop ;;
    destroy) stop; $SUDO rm -rf "$CITUS_DIR" ;;
    url) echo "postgres://postgres@127.0.0.1:$COORDINATOR_PORT/$DATABASE" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
esac
