#!/usr/bin/env bash
# Seeds corpus/validate/ with every patch of tests/cases/patches.json, one file each.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/validate
node -e '
const fs = require("fs"), crypto = require("crypto");
const cases = JSON.parse(fs.readFileSync("../tests/cases/patches.json", "utf8"));
for (const c of cases) {
  const data = JSON.stringify(c.patch);
  const name = crypto.createHash("sha1").update(data).digest("hex");
  fs.writeFileSync("corpus/validate/" + name, data);
}
console.log(`seeded ${cases.length} inputs into corpus/validate/`);
'
