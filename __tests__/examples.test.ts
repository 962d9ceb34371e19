import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/* The example workflows are copied as they are: they must be safe to copy. */

const dir = new URL('../examples/workflows/', import.meta.url);
const examples = readdirSync(dir).map((file) => ({
  file,
  workflow: parse(readFileSync(new URL(file, dir), 'utf8')) as Workflow,
}));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  permissions?: unknown;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const fromSecret = (value: string | undefined) => /^\$\{\{ secrets\.\w+ \}\}$/.test(value ?? '');

describe('examples/workflows', () => {
  it('holds at least the six documented examples, each linked from the README', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { file } of examples) expect(readme).toContain(`(examples/workflows/${file})`);
  });

  it.each(examples)('$file sets permissions and takes credentials from secrets', ({ workflow }) => {
    expect(workflow.permissions).toBeDefined();
    for (const job of Object.values(workflow.jobs)) {
      const env = { ...workflow.env, ...job.env };
      for (const step of job.steps ?? []) {
        if (!step.uses?.startsWith('globus-timer-action/')) continue;
        const secret = step.with?.['client-secret'];
        expect(
          secret === undefined ? fromSecret(env.GLOBUS_CLIENT_SECRET) : fromSecret(secret),
        ).toBe(true);
      }
    }
  });
});
