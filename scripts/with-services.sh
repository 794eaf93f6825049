#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster and Redis server on 127.0.0.1, run the given command, stop them.
# Exports FACTCHECK_TEST_POSTGRES_URL and CELERY_BROKER_URL for the command. Used by `make test`.
set -euo pipefail
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
work=$(mktemp -d /tmp/factcheck-services.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  if [ -n "${PG_CTL:-}" ] && [ -d "$work/pg" ]; then
    $AS_PG "$PG_CTL" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]; then
  PG_CTL="$PG_BIN/pg_ctl"
  AS_PG=""
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$work"
    AS_PG="runuser -u postgres --"
  fi
  $AS_PG "$PG_BIN/initdb" -D "$work/pg" -U factcheck --auth=trust -E UTF8 >/dev/null
  $AS_PG "$PG_CTL" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export FACTCHECK_TEST_POSTGRES_URL="postgres://factcheck@127.0.0.1:$PG_PORT/factcheck"
  $AS_PG "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U factcheck factcheck
  echo "services: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
else
  echo "services: PostgreSQL is not installed (scripts/system-deps.sh installs it)" >&2
fi

if command -v redis-server >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
  echo "services: Redis on 127.0.0.1:$REDIS_PORT" >&2
else
  echo "services: redis-server is not installed (scripts/system-deps.sh installs it)" >&2
fi

"$@"
