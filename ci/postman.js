// Writes generated/postman/collection.json from the bundled contract, reproducibly: values faked
// for schemas without examples come from a seeded generator, and item ids are UUIDv5-like digests
// of their position, so `make generate` twice gives the same file and the drift gate can compare.
//   node ci/postman.js generated/openapi.yaml generated/postman/collection.json
"use strict";
const crypto = require("crypto");
const fs = require("fs");

let seed = 20261124;
Math.random = () => {
  // mulberry32: a tiny deterministic PRNG, enough for example values
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// Faked date-times are offsets from "now": pin it.
const FixedDate = class extends Date {
  constructor(...args) {
    super(...(args.length ? args : [Date.UTC(2026, 0, 1)]));
  }
  static now() {
    return Date.UTC(2026, 0, 1);
  }
};
global.Date = FixedDate;
const converter = require("openapi-to-postmanv2");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function stableId(where) {
  const hex = crypto.createHash("sha1").update(`trellis:${where}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function stabilise(node, where) {
  if (Array.isArray(node)) return node.map((item, index) => stabilise(item, `${where}[${index}]`));
  if (node && typeof node === "object") {
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      const isId = (key === "id" || key === "_postman_id") && typeof value === "string" && UUID.test(value);
      out[key] = isId ? stableId(`${where}.${key}`) : stabilise(value, `${where}.${key}`);
    }
    return out;
  }
  return node;
}

const [source, target] = process.argv.slice(2);
converter.convert(
  { type: "string", data: fs.readFileSync(source, "utf8") },
  { folderStrategy: "Tags", requestParametersResolution: "Example", exampleParametersResolution: "Example" },
  (error, result) => {
    if (error || !result.result) {
      console.error(error || result.reason);
      process.exit(1);
    }
    const collection = stabilise(result.output[0].data, "$");
    fs.writeFileSync(target, `${JSON.stringify(collection, null, 2)}\n`);
  },
);
