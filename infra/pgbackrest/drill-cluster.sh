#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the operations drills (make test-ops): Debian's PostgreSQL 15 binaries, initdb
# in a temporary folder, a free loopback port, WAL archived with pgBackRest into a repository next to it. Never the
# machine's own server or its data.
#
#   infra/pgbackrest/drill-cluster.sh start          initdb, start, create the pgBackRest stanza (prints nothing)
#   infra/pgbackrest/drill-cluster.sh url            the DATABASE_URL of the drills' database
#   infra/pgbackrest/drill-cluster.sh backrest ARGS  pgbackrest with the drill's configuration and stanza
#   infra/pgbackrest/drill-cluster.sh server-stop    stop the server (data kept)
#   infra/pgbackrest/drill-cluster.sh server-start   start it again (waits until it accepts connections)
#   infra/pgbackrest/drill-cluster.sh destroy        stop it and remove its folder
#
# As root the server and pgBackRest run as the `postgres` system user (PostgreSQL refuses root); otherwise as the
# user running the script. The cluster's folder is OPS_DIR (default /tmp/opvangkring-ops).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
OPS_DIR="${OPS_DIR:-/tmp/opvangkring-ops}"
STANZA=opvangkring
DATABASE="${OPS_DATABASE:-opvangkring_ops}"
CONF="$OPS_DIR/pgbackrest.conf"

run_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port() { cat "$OPS_DIR/port"; }
backrest() { run_as_owner pgbackrest --config="$CONF" --stanza="$STANZA" "$@"; }

server_start() {
    run_as_owner "$PG_BIN/pg_ctl" -D "$OPS_DIR/data" -l "$OPS_DIR/server.log" -w -t 120 start > /dev/null
}

server_stop() {
    run_as_owner "$PG_BIN/pg_ctl" -D "$OPS_DIR/data" -m fast -w -t 120 stop > /dev/null 2>&1 || true
}

start() {
    command -v pgbackrest > /dev/null || { echo "pgbackrest is not installed (make ops-tools)" >&2; exit 1; }
    destroy
    mkdir -p "$OPS_DIR"
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
        > "$OPS_DIR/port"
    mkdir -p "$OPS_DIR"/{repo,log,lock,spool}
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$OPS_DIR"
    run_as_owner "$PG_BIN/initdb" -D "$OPS_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
    cat > "$CONF" <<CONF
[global]
repo1-path=$OPS_DIR/repo
repo1-retention-full=2
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=drill-only-not-a-secret
log-path=$OPS_DIR/log
lock-path=$OPS_DIR/lock
spool-path=$OPS_DIR/spool
log-level-console=warn
log-level-file=info
start-fast=y
compress-type=lz4
process-max=2

[$STANZA]
pg1-path=$OPS_DIR/data
pg1-port=$(port)
pg1-socket-path=$OPS_DIR
pg1-user=postgres
CONF
    cat >> "$OPS_DIR/data/postgresql.conf" <<CONF
port = $(port)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$OPS_DIR'
max_connections = 50
max_locks_per_transaction = 1024
shared_buffers = 64MB
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=$STANZA archive-push %p'
max_wal_senders = 2
synchronous_commit = off
CONF
    chmod 600 "$CONF"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$CONF"
    server_start
    backrest stanza-create
}

destroy() {
    if [ -f "$OPS_DIR/data/PG_VERSION" ]; then server_stop; fi
    rm -rf "$OPS_DIR"
}

case "${1:-}" in
    start) start ;;
    url) echo "postgres://postgres@127.0.0.1:$(port)/$DATABASE" ;;
    backrest) shift; backrest "$@" ;;
    server-start) server_start ;;
    server-stop) server_stop ;;
    destroy) destroy ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
esac
