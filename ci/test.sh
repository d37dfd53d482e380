#!/usr/bin/env bash
# `make test`: static gates, the suite on SQLite, again on PostgreSQL + Redis, the live contract
# gates, then the coverage floor. Each stage is also a make target, so the GitHub workflow's jobs
# run exactly these commands:
#   ci/test.sh [all|sqlite|services|contracts|coverage] [pytest args...]
# The services stage starts throwaway PostgreSQL + Redis (ci/services.sh), or uses the ones named by
# SERVICES_DATABASE_URL / SERVICES_REDIS_URL (CI service containers).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export COVERAGE_FILE="$PWD/.coverage"
stage=${1:-all}
mkdir -p reports
shift || true

run_sqlite() {
  printf '\n== tests on SQLite\n'
  env -u DATABASE_URL -u REDIS_URL "$PY" -m pytest -q -p no:cacheprovider \
    --junitxml=reports/junit-sqlite.xml --cov --cov-append --cov-report= "$@"
}
run_services() {
  printf '\n== tests on PostgreSQL + Redis\n'
  bash ci/services.sh "$PY" -m pytest -q -p no:cacheprovider --junitxml=reports/junit-services.xml \
    --cov --cov-append --cov-report= "$@"
}
run_contracts() {
  printf '\n== contract gates against a live server\n'
  bash ci/services.sh bash ci/contracts.sh
  printf '\n== the Conduit facade under newman (make realworld, with our own smoke suite)\n'
  bash ci/services.sh bash ci/realworld.sh tests/conduit/smoke.postman_collection.json
}
run_coverage() {
  printf '\n== coverage (branch)\n'
  "$PY" -m coverage report --fail-under=90
}

case "$stage" in
  all)
    rm -f .coverage .coverage.* reports/junit-*.xml reports/schemathesis-*.xml
    bash ci/lint.sh
    run_sqlite "$@"
    run_services "$@"
    run_contracts
    run_coverage
    printf '\n== all test stages\n'
    "$PY" ci/junit_total.py reports/junit-sqlite.xml reports/junit-services.xml \
      reports/schemathesis-main.xml reports/schemathesis-root.xml \
      reports/schemathesis-conduit.xml
    ;;
  sqlite) run_sqlite "$@" ;;
  services) run_services "$@" ;;
  contracts) run_contracts ;;
  coverage) run_coverage ;;
  *) echo "unknown stage: $stage" >&2; exit 2 ;;
esac
