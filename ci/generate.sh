#!/usr/bin/env bash
# Rewrites generated/ from spec/: the bundled contracts Connexion loads and users download, the
# Python SDK (openapi-python-client) and the Postman collection; then the documents assembled
# from the domain slices (.env.example, the README's configuration table, docs/FEATURES.md).
# CI fails when any of them drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=node_modules/.bin
PY=.venv/bin/python
bundle() {
  "$BIN/redocly" bundle "$1" -o "$2" >/dev/null 2>&1 || "$BIN/redocly" bundle "$1" -o "$2"
}
echo "generate: assembling spec/openapi.yaml from spec/tags/ and spec/paths/"
assembled=spec/.assembled-openapi.yaml
trap 'rm -f "$assembled"' EXIT
"$PY" -m ci.assemble_spec "$assembled"
echo "generate: bundling the main API, spec/root.yaml and spec/conduit/openapi.yaml"
bundle "$assembled" generated/openapi.yaml
bundle spec/root.yaml generated/root.yaml
bundle spec/conduit/openapi.yaml generated/conduit.yaml
echo "generate: assembling and validating the realtime contract (spec/asyncapi*)"
"$PY" -m ci.assemble_asyncapi generated/asyncapi.yaml
node ci/asyncapi.mjs generated/asyncapi.yaml
echo "generate: Python SDK (generated/sdk/python)"
rm -rf generated/sdk/python
mkdir -p generated/sdk
sdk_input=generated/.sdk-input.yaml
trap 'rm -f "$assembled" "$sdk_input"' EXIT
"$PY" -m ci.sdk_input generated/openapi.yaml "$sdk_input"
.venv/bin/openapi-python-client generate --path "$sdk_input" \
  --config contracts/sdk/openapi-python-client.yaml --meta setup \
  --output-path generated/sdk/python >/dev/null
echo "generate: Postman collection (generated/postman/collection.json)"
mkdir -p generated/postman
node ci/postman.js generated/openapi.yaml generated/postman/collection.json
echo "generate: .env.example, the README's configuration table, docs/FEATURES.md"
"$PY" -m ci.assemble_docs
echo "generate: done"
