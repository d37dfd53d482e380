#!/usr/bin/env bash
# `make run`: install, migrate var/trellis.db, make sure a dev admin exists, serve on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install.sh
.venv/bin/trellis migrate
.venv/bin/trellis dev-admin
echo "Serving on http://127.0.0.1:${PORT:-8000} (Swagger UI at /docs); Ctrl-C stops."
exec .venv/bin/trellis serve
