#!/usr/bin/env bash
# `make test`: static gates, the suite on SQLite, then again on throwaway PostgreSQL + Redis
# (ci/services.sh; with REQUIRE_SERVICES=1 a missing service fails the run), then the coverage floor.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export COVERAGE_FILE="$PWD/.coverage"
rm -f .coverage .coverage.*

bash ci/lint.sh

printf '\n== tests on SQLite\n'
env -u DATABASE_URL -u REDIS_URL "$PY" -m pytest -q -p no:cacheprovider \
  --cov --cov-report= "$@"

printf '\n== tests on PostgreSQL + Redis\n'
bash ci/services.sh "$PY" -m pytest -q -p no:cacheprovider --cov --cov-append --cov-report= "$@"

printf '\n== coverage (branch)\n'
"$PY" -m coverage report --fail-under=90
