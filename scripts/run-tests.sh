#!/usr/bin/env bash
# The whole suite on the embedded SQLite database, then again on PostgreSQL when with-services.sh started one.
set -uo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
status=0
echo "== test suite on SQLite"
env -u DATABASE_URL "$py" -m pytest "$@" || status=$?
if [ -n "${FACTCHECK_TEST_POSTGRES_URL:-}" ]; then
  echo "== test suite on PostgreSQL"
  DATABASE_URL="$FACTCHECK_TEST_POSTGRES_URL" "$py" -m pytest "$@" || status=$?
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not available: CI must run the suite on it too (see scripts/system-deps.sh)" >&2
  status=1
fi
exit $status
