#!/usr/bin/env bash
# `make realworld SUITE=<path>`: a RealWorld (Conduit) Postman suite, unchanged, against the Conduit
# facade of a live 2-worker server, with the variables the RealWorld project's own
# api/run-api-tests.sh passes (APIURL, USERNAME, EMAIL, PASSWORD). It runs twice, with a new user
# each time, so the second run meets the first run's articles as a long-lived server would.
#   SUITE  the collection, e.g. ../realworld/api/Conduit.postman_collection.json from a checkout of
#          the RealWorld project (its text is not ours to commit, and no package registry serves
#          it, so `make test` cannot fetch it; CI runs tests/conduit/smoke.postman_collection.json,
#          our own, through this same script so it stays working)
#   DATABASE_URL  optional; a fresh SQLite file otherwise. For PostgreSQL + Redis:
#          bash ci/services.sh bash ci/realworld.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SUITE=${SUITE:-${1:-}}
[ -n "$SUITE" ] && [ -f "$SUITE" ] || {
  echo "usage: make realworld SUITE=path/to/Conduit.postman_collection.json" >&2
  exit 2
}
SUITE=$(cd "$(dirname "$SUITE")" && pwd)/$(basename "$SUITE")
. ci/live-server.sh
start_live_server
echo "realworld: $(basename "$SUITE") against $BASE/conduit/api"
for run in 1 2; do
  username="rw$(date +%s%N | tail -c 9)$run"
  node_modules/.bin/newman run "$SUITE" --color off --reporters cli \
    --global-var "APIURL=$BASE/conduit/api" \
    --global-var "USERNAME=$username" \
    --global-var "EMAIL=$username@example.com" \
    --global-var "PASSWORD=password"
done
