// Runs the bundle under the runtime action.yml declares (node24) exactly as the runner does,
// with no inputs: it must fail cleanly with an error naming the missing input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gta-smoke-'));
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  GITHUB_WORKSPACE: dir,
  INPUT_OPERATION: 'check',
};
writeFileSync(env.GITHUB_OUTPUT, '');
writeFileSync(env.GITHUB_STEP_SUMMARY, '');

const node24 = (args) => spawnSync('npx', ['-y', 'node@24', ...args], { env, encoding: 'utf8' });
const version = node24(['--version']).stdout.trim();
const run = node24(['dist/index.js']);
const out = `${run.stdout}\n${run.stderr}`;

const problems = [];
if (!version.startsWith('v24.')) problems.push(`npx node@24 ran ${version || 'nothing'}`);
if (run.status !== 1) problems.push(`expected exit code 1, got ${run.status}`);
if (!/::error::.*client-id/.test(out)) problems.push('expected an ::error:: naming client-id');
if (/Cannot find module|SyntaxError|TypeError|ReferenceError/.test(out)) {
  problems.push('the bundle crashed');
}
if (problems.length) {
  console.error(out);
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`dist/index.js under Node ${version} failed cleanly on the missing input:`);
console.log(
  out
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .join('\n'),
);
