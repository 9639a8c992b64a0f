#!/usr/bin/env bash
# A second PostgreSQL server, sized as a deployment would size it, holding a physical copy of the
# server the benchmark ran on (issue 8: "what a deployment adds" measured, not claimed).
#
#   bench/scale/sized-postgres.sh copy    # copy the running server (127.0.0.1:5432) and start the copy on 5433
#   bench/scale/sized-postgres.sh start   # start the copy again (after a reboot)
#   bench/scale/sized-postgres.sh stop    # stop it
#   bench/scale/sized-postgres.sh drop    # stop it and delete its files
#
# The copy is made with PostgreSQL's low-level base backup (pg_backup_start, a file copy, pg_backup_stop
# and the WAL of that span), so it needs no replication entry in pg_hba.conf and leaves the source
# server's configuration alone. Run it against a quiet server: it copies every database on it.
#
# The benchmark's server keeps PostgreSQL's defaults on purpose (128 MB shared_buffers, 1 GB max_wal_size,
# no WAL compression; autovacuum is off in this machine's CI configuration). The copy runs with the
# settings docs/scale.md names for a deployment: shared_buffers a quarter of the memory, max_wal_size
# 8 GB, wal_compression, checkpoints spread over 15 minutes, autovacuum on. Durability is unchanged:
# fsync and synchronous_commit stay on. Then, with the kept scale database on both servers:
#
#   AB_TREES="defaults=.,sized=.@zv_scale_160000:5433" AB_CLOSED=50 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
#     node --import tsx bench/scale/ab.ts pages '<path regex>'
#   AB_DATABASES="defaults=zv_scale_160000,sized=zv_scale_160000:5433" DATABASE_URL=… node --import tsx bench/scale/ab.ts appends
#
# Needs root (it runs PostgreSQL's programs as the postgres user) and the Debian PostgreSQL 15 packages.
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
SRC_PORT=${SIZED_SOURCE_PORT:-5432}
PORT=${SIZED_PORT:-5433}
DIR=${SIZED_DIR:-/var/lib/postgresql/15/zv-sized}
MEM_KB=$(awk '/MemTotal/ { print $2 }' /proc/meminfo)
SHARED_MB=$((MEM_KB / 1024 / 4))
CACHE_MB=$((MEM_KB / 1024 * 3 / 5))

as_pg() { runuser -u postgres -- "$@"; }
psql_src() { psql -h 127.0.0.1 -p "$SRC_PORT" -U postgres -d postgres -XAtq -v ON_ERROR_STOP=1 "$@"; }

write_config() {
  cat > "$DIR/postgresql.conf" <<CONF
# Written by bench/scale/sized-postgres.sh: a deployment's sizing on this machine.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '/var/run/postgresql'
max_connections = 100
shared_buffers = ${SHARED_MB}MB
effective_cache_size = ${CACHE_MB}MB
max_wal_size = 8GB
min_wal_size = 1GB
wal_compression = on
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
random_page_cost = 1.1
autovacuum = on
fsync = on
synchronous_commit = on
logging_collector = off
log_destination = 'stderr'
CONF
  cat > "$DIR/pg_hba.conf" <<'HBA'
local all all trust
host all all 127.0.0.1/32 trust
HBA
  : > "$DIR/pg_ident.conf"
  chown postgres:postgres "$DIR/postgresql.conf" "$DIR/pg_hba.conf" "$DIR/pg_ident.conf"
}

start() {
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 600 start >/dev/null
  echo "sized server on 127.0.0.1:$PORT (shared_buffers ${SHARED_MB}MB), data in $DIR"
}

stop() {
  if [[ -f "$DIR/postmaster.pid" ]]; then as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null; fi
}

copy() {
  local src
  src=$(psql_src -c 'show data_directory')
  # Never over the source server: the copy's folder is deleted first.
  if [[ "$(realpath -m "$DIR")" == "$(realpath -m "$src")" || "$PORT" == "$SRC_PORT" ]]; then
    echo "the copy's folder and port must differ from the source server's ($src, $SRC_PORT)" >&2
    exit 2
  fi
  stop
  rm -rf "$DIR"
  install -d -o postgres -g postgres -m 700 "$DIR"
  local label t0
  label=$(mktemp)
  t0=$(date +%s)
  # One session holds the backup open while the files are copied (a non-exclusive backup ends with it).
  psql_src <<SQL
select pg_backup_start('zorgvuldig-sized', true) is not null;
\! runuser -u postgres -- tar -C '$src' --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' -cf - . | runuser -u postgres -- tar -C '$DIR' -xf -
\o '$label'
select labelfile from pg_backup_stop(false);
SQL
  # The WAL from the backup's start to its end (and any after it) makes the copy consistent.
  install -d -o postgres -g postgres -m 700 "$DIR/pg_wal"
  as_pg cp -a "$src/pg_wal/." "$DIR/pg_wal/"
  cp "$label" "$DIR/backup_label" && chown postgres:postgres "$DIR/backup_label" && rm -f "$label"
  write_config
  start
  echo "copied in $(($(date +%s) - t0)) s ($(du -sh "$DIR" | cut -f1))"
}

case "${1:-}" in
  copy) copy ;;
  start) start ;;
  stop) stop ;;
  drop) stop; rm -rf "$DIR" ;;
  *) echo "usage: $0 copy | start | stop | drop" >&2; exit 2 ;;
esac
