#!/usr/bin/env bash
# Rewrites generated/ from spec/: the bundled contracts Connexion loads and users download, the
# Python SDK (openapi-python-client) and the Postman collection. CI fails when they drift.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=node_modules/.bin
echo "generate: bundling spec/openapi.yaml, spec/root.yaml and spec/conduit/openapi.yaml"
"$BIN/redocly" bundle spec/openapi.yaml -o generated/openapi.yaml >/dev/null 2>&1 \
  || "$BIN/redocly" bundle spec/openapi.yaml -o generated/openapi.yaml
"$BIN/redocly" bundle spec/root.yaml -o generated/root.yaml >/dev/null 2>&1 \
  || "$BIN/redocly" bundle spec/root.yaml -o generated/root.yaml
"$BIN/redocly" bundle spec/conduit/openapi.yaml -o generated/conduit.yaml >/dev/null 2>&1 \
  || "$BIN/redocly" bundle spec/conduit/openapi.yaml -o generated/conduit.yaml
echo "generate: Python SDK (generated/sdk/python)"
rm -rf generated/sdk/python
mkdir -p generated/sdk
.venv/bin/openapi-python-client generate --path generated/openapi.yaml \
  --config contracts/sdk/openapi-python-client.yaml --meta setup \
  --output-path generated/sdk/python >/dev/null
echo "generate: Postman collection (generated/postman/collection.json)"
mkdir -p generated/postman
node ci/postman.js generated/openapi.yaml generated/postman/collection.json
echo "generate: done"
