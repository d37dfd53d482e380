// Validates the realtime contract (AsyncAPI 3.0) with the AsyncAPI parser, then copies it where
// the app serves it from: node ci/asyncapi.mjs spec/asyncapi.yaml generated/asyncapi.yaml
import { readFileSync, writeFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const [source, target] = process.argv.slice(2);
const text = readFileSync(source, "utf8");
const { document, diagnostics } = await new Parser().parse(text, { source });
// Severity 0 is an error; 1 a warning: both fail, as spectral does for the OpenAPI documents.
const problems = diagnostics.filter((item) => item.severity <= 1);
for (const item of problems) {
  console.error(`${source}: ${item.path.join(".")}: ${item.message}`);
}
if (!document || problems.length) {
  process.exit(1);
}
writeFileSync(target, text);
