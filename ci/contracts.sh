#!/usr/bin/env bash
# `make contracts`: the contract gates against a live server — uvicorn with 2 workers on the
# database and Redis named by DATABASE_URL / REDIS_URL (ci/test.sh runs this inside ci/services.sh).
#   1. Schemathesis CLI over the three specs (main, root, Conduit facade): all checks, stateful phase, fixed seed, 50 examples per
#      operation, JUnit reports in reports/.
#   2. Dredd over every operation with the spec's examples and the Python hooks in contracts/dredd.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?contracts run against PostgreSQL: run through ci/services.sh}"
mkdir -p reports
# The generated traffic logs in thousands of times with wrong passwords; the throttle is tested
# elsewhere, here it would only turn every later login (and API key) into a 429.
export LOGIN_LIMIT_PER_ACCOUNT=100000/minute LOGIN_LIMIT_PER_ADDRESS=100000/minute
export SIGNUP_LIMIT_PER_ADDRESS=100000/minute
export API_KEY_FAILURES_PER_ADDRESS=100000/minute
export IDENTITY_MAIL_LIMIT_PER_ADDRESS=100000/minute IDENTITY_MAIL_LIMIT_PER_ACCOUNT=100000/minute
export ACCESS_TOKEN_TTL_SECONDS=7200
# The event streams (notifications, live polls) stay open until their deadline (300 s by default):
# short ones here, so each generated request ends (tests/notifications and tests/livepolls prove
# the deadlines themselves).
export NOTIFICATIONS_STREAM_MAX_SECONDS=0.05 LIVEPOLLS_STREAM_MAX_SECONDS=0.05
. ci/live-server.sh
ADMIN_EMAIL=contracts-admin@example.com
ADMIN_PASSWORD="contracts-$(date +%s%N)"

start_live_server
TRELLIS_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$PY/trellis" create-admin --email "$ADMIN_EMAIL" >/dev/null
TOKEN=$("$PY/python" - "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" <<'PY'
import sys, httpx
base, email, password = sys.argv[1:]
r = httpx.post(f"{base}/api/v1/identity/tokens",
               json={"grant_type": "PASSWORD", "email": email, "password": password})
r.raise_for_status()
print(r.json()["access_token"])
PY
)
# The Conduit facade lets the token holder change email and password (PUT /user): its run uses an
# account of its own, so the admin the other gates log in as keeps its credentials.
CONDUIT_TOKEN=$("$PY/python" - "$BASE" <<'PY'
import sys, uuid, httpx
base = sys.argv[1]
user = {"username": f"st-{uuid.uuid4().hex[:8]}", "email": f"st-{uuid.uuid4().hex[:8]}@example.com",
        "password": f"conduit-{uuid.uuid4().hex}"}
r = httpx.post(f"{base}/conduit/api/users", json={"user": user})
r.raise_for_status()
print(r.json()["user"]["token"])
PY
)

if [ "${SKIP_SCHEMATHESIS:-0}" != "1" ]; then  # SKIP_*: to rerun one gate alone while fixing it
echo "== schemathesis (CLI, live server, 2 workers)"
export SCHEMATHESIS_HOOKS=contracts.schemathesis.hooks
# One client worker: with two (tried 2026-12-03) Hypothesis' filter-source inspection crashed in
# a thread (CPython 3.11's ast is not thread-safe: "AST constructor recursion depth mismatch").
st=("$PY/schemathesis" --no-color --config-file contracts/schemathesis/schemathesis.toml run
    --checks all --max-examples "${CONTRACT_EXAMPLES:-50}" --seed 1
    --phases examples,coverage,fuzzing,stateful --suppress-health-check all
    --continue-on-failure)
"${st[@]}" generated/openapi.yaml --url "$BASE/api/v1" -H "Authorization: Bearer $TOKEN" \
  --report junit --report-junit-path reports/schemathesis-main.xml
"${st[@]}" generated/root.yaml --url "$BASE" \
  --report junit --report-junit-path reports/schemathesis-root.xml
"${st[@]}" generated/conduit.yaml --url "$BASE/conduit/api" -H "Authorization: Token $CONDUIT_TOKEN" \
  --report junit --report-junit-path reports/schemathesis-conduit.xml
fi

if [ "${SKIP_DREDD:-0}" != "1" ]; then
  echo "== dredd (examples smoke, Python hooks)"
  # ci/dredd-preload.cjs: Dredd's configuration copy and hook messages, 10x faster (see there).
  NODE_OPTIONS="--require ./ci/dredd-preload.cjs" \
    BASE="$BASE" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    bash contracts/dredd/run.sh
fi
