#!/usr/bin/env bash
# `make fuzz SEED=<n>`: Schemathesis with a seed of your choice (the scheduled CI job passes a new
# one each run) and more examples than the contract gate, against a live 2-worker server on
# PostgreSQL + Redis (run inside ci/services.sh, as the Makefile target does):
#   - the main API with a bearer token, with an API key and with a session cookie (+ CSRF token);
#   - the root API without credentials; the Conduit facade with a facade token.
# The contract gate (ci/contracts.sh) keeps its fixed seed; this run meets other inputs. A failure
# found here is kept as a regression test (tests/test_fuzz_regressions.py).
# The operations that end the session cookie run last, on their own, so that the session run
# keeps its credential (a successful POST /sessions ends the session it is sent with, and the
# spec's examples sign up and log in the same account); with them run those whose one input is
# the cookie, without the negative-data check: a case "without the cookie" gets the run's cookie. FUZZ_EXAMPLES (100 per operation) and FUZZ_SECONDS (a time budget per
# run, 600) bound it; FUZZ_RUNS picks runs by name; FUZZ_SELECT adds Schemathesis selection
# options (e.g. "--include-tag previews", to fuzz one domain before resolving its issue); reports
# in reports/fuzz-<seed>-<run>.xml.
# Not part of `make test` (CI time budget).
set -euo pipefail
cd "$(dirname "$0")/.."
SEED="${1:-${SEED:-}}"
[[ "$SEED" =~ ^[0-9]+$ ]] || { echo "usage: make fuzz SEED=<integer>" >&2; exit 2; }
: "${DATABASE_URL:?fuzzing runs against PostgreSQL: run through ci/services.sh}"
mkdir -p reports
# Generated traffic sends thousands of bad passwords and keys from one address; the throttles are
# tested elsewhere, here they would only turn every later request into a 429.
export LOGIN_LIMIT_PER_ACCOUNT=100000/minute LOGIN_LIMIT_PER_ADDRESS=100000/minute
export SIGNUP_LIMIT_PER_ADDRESS=100000/minute API_KEY_FAILURES_PER_ADDRESS=100000/minute
export API_KEY_MAX_RATE_LIMIT_PER_MINUTE=100000 ACCESS_TOKEN_TTL_SECONDS=7200
# The event streams (notifications, live polls) stay open until their deadline (300 s by default):
# short ones here, so each generated request ends (tests/notifications and tests/livepolls prove
# the deadlines themselves).
export NOTIFICATIONS_STREAM_MAX_SECONDS=0.05 LIVEPOLLS_STREAM_MAX_SECONDS=0.05
. ci/live-server.sh
ADMIN_EMAIL=fuzz-admin@example.com
ADMIN_PASSWORD="fuzz-$(date +%s%N)"

start_live_server
TRELLIS_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$PY/trellis" create-admin --email "$ADMIN_EMAIL" >/dev/null
eval "$("$PY/python" -m ci.fuzz_credentials "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD")"

export SCHEMATHESIS_HOOKS=contracts.schemathesis.hooks
st=("$PY/schemathesis" --no-color --config-file contracts/schemathesis/schemathesis.toml run
    --checks all --max-examples "${FUZZ_EXAMPLES:-100}" --seed "$SEED"
    --max-time "${FUZZ_SECONDS:-600}" --phases examples,coverage,fuzzing,stateful
    --suppress-health-check all --continue-on-failure)
read -ra select <<<"${FUZZ_SELECT:-}"
st+=("${select[@]}")
failed=0
fuzz() {  # fuzz <run name> <spec> <base URL> [schemathesis options...]
  local name=$1 spec=$2 url=$3
  shift 3
  [[ " ${FUZZ_RUNS:-$name} " == *" $name "* ]] || return 0
  echo "== fuzz $name (seed $SEED)"
  "${st[@]}" "$spec" --url "$url" "$@" \
    --report junit --report-junit-path "reports/fuzz-$SEED-$name.xml" || failed=1
}
fuzz bearer generated/openapi.yaml "$BASE/api/v1" -H "Authorization: Bearer $BEARER"
fuzz apikey generated/openapi.yaml "$BASE/api/v1" -H "X-API-Key: $API_KEY"
session=(-H "Cookie: $SESSION_COOKIE" -H "X-CSRF-Token: $CSRF_TOKEN")
ending=(createSession deleteCurrentSession revokeAllSessions revokeSession getCurrentSession)
fuzz session generated/openapi.yaml "$BASE/api/v1" "${session[@]}" \
  "${ending[@]/#/--exclude-operation-id=}"
fuzz root generated/root.yaml "$BASE"
fuzz conduit generated/conduit.yaml "$BASE/conduit/api" -H "Authorization: Token $CONDUIT_TOKEN"
fuzz session-end generated/openapi.yaml "$BASE/api/v1" "${session[@]}" \
  "${ending[@]/#/--include-operation-id=}" --phases examples,coverage,fuzzing \
  --exclude-checks negative_data_rejection
if [ "$failed" != 0 ]; then
  echo "fuzz: failures with seed $SEED: keep each as a test in tests/test_fuzz_regressions.py" >&2
  grep -l "<failure" "reports/fuzz-$SEED-"*.xml >&2 || true
fi
exit "$failed"
