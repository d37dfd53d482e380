#!/usr/bin/env bash
# Rewrites generated/ from spec/: the bundled contracts Connexion loads and users download.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=node_modules/.bin
echo "generate: bundling spec/openapi.yaml and spec/root.yaml"
"$BIN/redocly" bundle spec/openapi.yaml -o generated/openapi.yaml >/dev/null 2>&1 \
  || "$BIN/redocly" bundle spec/openapi.yaml -o generated/openapi.yaml
"$BIN/redocly" bundle spec/root.yaml -o generated/root.yaml >/dev/null 2>&1 \
  || "$BIN/redocly" bundle spec/root.yaml -o generated/root.yaml
echo "generate: done"
