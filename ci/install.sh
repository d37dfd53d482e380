#!/usr/bin/env bash
# Idempotent install: .venv with the locked Python dependencies + this project, node tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "install: creating .venv"
  "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ requirements/dev.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "install: Python dependencies (requirements/dev.txt)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements/dev.txt
  .venv/bin/python -m pip install --quiet --no-deps -e .
  touch "$stamp"
fi
if command -v npm >/dev/null 2>&1; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install: node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
else
  echo "install: npm not found; spec bundling and linting need Node.js (the server runs without)"
fi
echo "install: done"
