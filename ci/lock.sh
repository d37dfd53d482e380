#!/usr/bin/env bash
# Recompiles the Python lock files from pyproject.toml, without any index address in them.
set -euo pipefail
cd "$(dirname "$0")/.."
opts=(--quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links)
.venv/bin/pip-compile "${opts[@]}" --extra dev -o requirements/dev.txt pyproject.toml
.venv/bin/pip-compile "${opts[@]}" -o requirements/base.txt pyproject.toml
.venv/bin/pip-compile "${opts[@]}" --extra bench --constraint requirements/dev.txt \
  -o requirements/bench.txt pyproject.toml
# pip-compile resolves for this interpreter only. Debian's Python 3.11.2 (the local base image
# ci/compose.sh builds) is below 3.11.3, where the redis client also needs async-timeout: pin it
# under that marker so the same lock installs on both.
printf '%s\n' 'async-timeout==5.0.1 ; python_full_version < "3.11.3"' \
  '    # via redis (on Python below 3.11.3)' >>requirements/base.txt
# Node tools: refresh the lock without installing, then strip what is not a version or a hash.
npm install --package-lock-only --no-audit --no-fund --loglevel=error
node ci/clean-npm-lock.js package-lock.json
