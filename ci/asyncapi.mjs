// Validates the assembled realtime contract (AsyncAPI 3.0) with the AsyncAPI parser:
// node ci/asyncapi.mjs generated/asyncapi.yaml
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const [source] = process.argv.slice(2);
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
