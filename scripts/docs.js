// Renders the inputs and outputs tables of README.md from action.yml, so the two never drift.
// `node scripts/docs.js` rewrites README.md; `--check` fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function inputsTable() {
  const rows = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default === '' ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`,
  );
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable() {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

export function render(readme) {
  const replace = (text, name, table) =>
    text.replace(
      new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`),
      `$1${table}$2`,
    );
  return replace(replace(readme, 'inputs', inputsTable()), 'outputs', outputsTable());
}

const readme = readFileSync('README.md', 'utf8');
const rendered = render(readme);
if (process.argv.includes('--check')) {
  if (rendered !== readme) {
    console.error('README.md tables differ from action.yml: run `npm run docs`');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', rendered);
}
