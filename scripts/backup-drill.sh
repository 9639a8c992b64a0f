#!/usr/bin/env bash
# Backup and restore drill (issue 8 item 4).
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/zorgvuldig ZORGVULDIG_KEYS_FILE=/etc/zorgvuldig/keys.json \
#     scripts/backup-drill.sh [--keep]
#
# 1. pg_dump (custom format) of the database in DATABASE_URL;
# 2. pg_restore into a fresh database next to it (<name>_restore_<pid>);
# 3. `zorgvuldig log verify` on the restored copy, with the installation's keys: every hash chain and
#    signed checkpoint must verify there too;
# 4. a checksum of every table (row count + sum of row hashes), source against copy: the data are intact.
# The copy is dropped afterwards unless --keep. Exit 0 only when the log verifies and every checksum
# matches. Run it against a quiet database (or a replica): rows written during the drill differ.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=0
[[ "${1:-}" == "--keep" ]] && keep=1
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"

src_db=$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$DATABASE_URL")
copy_db="${src_db}_restore_$$"
copy_url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$copy_db")
admin_url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/postgres"; console.log(u.toString())' "$DATABASE_URL")
work=$(mktemp -d)
dump="$work/${src_db}.dump"

cleanup() {
  rm -rf "$work"
  if [[ $keep -eq 0 ]]; then psql "$admin_url" -qc "drop database if exists ${copy_db} with (force)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
took() { node -e 'console.log((Number(process.argv[2]) - Number(process.argv[1])).toFixed(1))' "$1" "$(now)"; }

# A checksum per table: count and an order-independent sum of row hashes (cheap enough for 10M rows).
checksums() {
  psql "$1" -XAt -v ON_ERROR_STOP=1 <<'SQL'
do $$
declare t text; n bigint; h numeric;
begin
  create temporary table zv_drill_sum (tbl text, n bigint, h numeric) on commit preserve rows;
  for t in select tablename from pg_tables where schemaname = 'public' order by tablename loop
    execute format('select count(*), coalesce(sum(hashtext(x::text)::numeric), 0) from %I x', t) into n, h;
    insert into zv_drill_sum values (t, n, h);
  end loop;
end $$;
select tbl || ' ' || n || ' ' || h from zv_drill_sum order by tbl;
SQL
}

echo "== backup drill: ${src_db} → ${copy_db}"
t0=$(now)
pg_dump --format=custom --file="$dump" "$DATABASE_URL"
echo "pg_dump: $(du -h "$dump" | cut -f1) in $(took "$t0") s"

t0=$(now)
psql "$admin_url" -qc "create database ${copy_db}"
pg_restore --exit-on-error --dbname="$copy_url" "$dump"
echo "pg_restore: $(took "$t0") s"

t0=$(now)
if ! DATABASE_URL="$copy_url" node bin/zorgvuldig.js log verify --no-progress --no-record >"$work/verify.out" 2>&1; then
  cat "$work/verify.out" >&2
  echo "log verify FAILED on the restored copy" >&2
  exit 1
fi
head -1 "$work/verify.out"
echo "log verify on the restored copy: $(took "$t0") s"

t0=$(now)
checksums "$DATABASE_URL" >"$work/source.sum"
checksums "$copy_url" >"$work/copy.sum"
if ! diff -u "$work/source.sum" "$work/copy.sum"; then
  echo "checksums DIFFER between ${src_db} and ${copy_db}" >&2
  exit 1
fi
echo "checksums match: $(wc -l <"$work/source.sum") tables, $(awk '{n += $2} END {print n}' "$work/source.sum") rows ($(took "$t0") s)"
[[ $keep -eq 1 ]] && echo "kept the restored copy: ${copy_url}"
echo "== backup drill passed"
