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
  # uv installs the locked requirements in about 15 s (3 s with its cache warm) where pip took
  # 100 s of CI's budget; pip stays the fallback for a machine where uv cannot be had or fails.
  uv=(.venv/bin/uv pip install --quiet --python .venv/bin/python)
  if .venv/bin/python -m pip install --quiet uv && "${uv[@]}" -r requirements/dev.txt \
      && "${uv[@]}" --no-deps -e .; then
    :
  else
    echo "install: uv could not install the requirements; installing them with pip"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements/dev.txt
    .venv/bin/python -m pip install --quiet --no-deps -e .
  fi
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
