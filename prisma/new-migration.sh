#!/usr/bin/env bash
# npm run db:new-migration -- <name>
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
# schema as last committed (git HEAD) and prisma/schema.prisma. `prisma migrate dev` cannot do
# this here: it replays the migrations into a shadow database, which the PGlite adapter cannot run.
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
name="$(echo "$name" | tr -c 'a-zA-Z0-9_\n' '_' | tr 'A-Z' 'a-z')"
base="$(mktemp --suffix=.prisma)"
trap 'rm -f "$base"' EXIT
git show HEAD:prisma/schema.prisma > "$base"
# In embedded mode the Prisma CLI prints the script within seconds but does not exit (see
# server/db/connection.ts), hence the time limit; its output is complete by then.
sql="$(timeout 40s npx prisma migrate diff --from-schema-datamodel "$base" --to-schema-datamodel prisma/schema.prisma --script < /dev/null || true)"
if [[ -z "${sql//[[:space:]]/}" || "$sql" == *"This is an empty migration"* ]]; then
  echo "The schema has not changed since the last commit: no migration written."
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Wrote $dir/migration.sql: review it, then commit it with the schema."
