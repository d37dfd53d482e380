// Lock files hold versions and integrity hashes only. npm writes each package's "funding" block
// (sponsor URLs) into package-lock.json, and old packages declare licenses as objects with a URL;
// both are informational: funding is dropped, a license object keeps only its type.
//   node ci/clean-npm-lock.js [package-lock.json]
"use strict";
const fs = require("fs");

const path = process.argv[2] || "package-lock.json";
const lock = JSON.parse(fs.readFileSync(path, "utf8"));
for (const entry of Object.values(lock.packages || {})) {
  delete entry.funding;
  delete entry.resolved;
  const licenses = [].concat(entry.license || []);
  if (licenses.some((license) => typeof license === "object")) {
    const types = licenses.map((license) => (typeof license === "object" ? license.type : license));
    entry.license = types.length === 1 ? types[0] : `(${types.join(" OR ")})`;
  }
}
fs.writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
