#!/usr/bin/env bash
# Back up the platform's database: the whole database in one file, plus one file per location schema
# (so a single location can be restored without touching the others). Restore: infra/restore.md.
#
#   DATABASE_URL=postgres://user:pass@host:5432/opvangkring infra/backup.sh [target-dir]
#
# Needs pg_dump and psql of the server's major version or newer (the postgres image of that version
# has both). Run it from cron or a Kubernetes CronJob; keep the copies off the database machine,
# encrypted.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL}"
target=${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$target/locations"

# 1. Everything: public schema (the cooperative, accounts, locations), the template schema and every
#    location schema, in one consistent snapshot.
pg_dump --format=custom --no-owner --file="$target/database.dump" "$DATABASE_URL"

# 2. One file per location that still has a schema (offboarded locations have none).
psql "$DATABASE_URL" --no-psqlrc --tuples-only --no-align --command "
  SELECT l.schema_name FROM cooperative_location l
  JOIN pg_namespace n ON n.nspname = l.schema_name
  ORDER BY l.schema_name" |
while read -r schema; do
  [ -n "$schema" ] || continue
  pg_dump --format=custom --no-owner --schema="$schema" --file="$target/locations/$schema.dump" "$DATABASE_URL"
done

echo "Backup written to $target ($(find "$target/locations" -name '*.dump' | wc -l) location schemas)."
