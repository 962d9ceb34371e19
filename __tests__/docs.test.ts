import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readActionYml } from '../scripts/action-yml.js';
import {
  checkGenerated,
  fillRegion,
  inputsTable,
  MarkerError,
  outputsTable,
  renderReadme,
} from '../scripts/docs.js';

/*
 * The drift check behind `npm run lint` must fail on every broken README it is given; a check
 * that passes on an empty table region is how the README once lost its reference.
 */

const action = readActionYml();
const files = (overrides: Record<string, string> = {}) => {
  return (file: string) =>
    overrides[file] ?? readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
};
const README = files()('README.md');
const rawTables = { inputs: inputsTable(action), outputs: outputsTable(action) };
const withReadme = (readme: string) => files({ 'README.md': readme });

/** The README with what stands between a pair of markers replaced. */
function replaceRegion(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  return `${readme.slice(0, readme.indexOf(start) + start.length)}${body}${readme.slice(readme.indexOf(end))}`;
}

/** The rows of the table between a pair of markers: name → the cells after the name. */
function tableRows(readme: string, name: string): Map<string, string[]> {
  const region = readme.slice(
    readme.indexOf(`<!-- ${name}:start -->`),
    readme.indexOf(`<!-- ${name}:end -->`),
  );
  return new Map(
    [...region.matchAll(/^\| `([a-z-]+)` +\|(.*)\|$/gm)].map((m) => [
      m[1] ?? '',
      (m[2] ?? '').split(' | ').map((c) => c.trim()),
    ]),
  );
}

describe('README reference (npm run docs)', () => {
  it('is up to date in the repository, with the schema and .env.example', async () => {
    expect(await checkGenerated(files(), action)).toEqual([]);
  });

  it('fails the check on an empty region (markers on adjacent lines)', async () => {
    const empty = replaceRegion(README, 'inputs', '\n');
    expect(empty).toContain('<!-- inputs:start -->\n<!-- inputs:end -->');
    expect(await checkGenerated(withReadme(empty), action)).toEqual(['README.md is out of date']);
  });

  it('fills an empty region', () => {
    const empty = replaceRegion(README, 'outputs', '\n');
    const filled = renderReadme(empty, rawTables);
    expect(filled).toContain('| `job-id` | Id of the timer the step acted on');
    expect(filled).toContain('| `summary` | `true` | all | Write a job summary table.');
  });

  it('fails the check on a stale table', async () => {
    const stale = README.replace(/^\| `retries` .*\n/m, '');
    expect(stale).not.toBe(README);
    expect(await checkGenerated(withReadme(stale), action)).toEqual(['README.md is out of date']);
    const reworded = README.replace('Write a job summary table.', 'Write a summary.');
    expect(await checkGenerated(withReadme(reworded), action)).toEqual([
      'README.md is out of date',
    ]);
  });

  it.each(['<!-- inputs:start -->', '<!-- outputs:end -->'])(
    'fails the check when %s is missing',
    async (marker) => {
      const missing = README.replace(marker, '');
      expect(await checkGenerated(withReadme(missing), action)).toEqual([
        expect.stringContaining(`needs exactly one ${marker}`),
      ]);
      expect(() => renderReadme(missing, rawTables)).toThrow(MarkerError);
    },
  );

  it('refuses markers out of order', () => {
    expect(() => fillRegion('<!-- x:end -->\n<!-- x:start -->', 'x', '| t |')).toThrow(
      'has <!-- x:end --> before <!-- x:start -->',
    );
  });

  it('fails the check on a stale schema or .env.example', async () => {
    const read = files({
      'schema/timers.schema.json': '{}\n',
      '.env.example': 'INPUT_OPERATION=apply\n',
    });
    expect(await checkGenerated(read, action)).toEqual([
      '.env.example is out of date',
      'schema/timers.schema.json is out of date',
    ]);
  });

  it('shows every input with its default and operations, and every output', () => {
    const inputs = tableRows(README, 'inputs');
    for (const [name, input] of Object.entries(action.inputs)) {
      const [defaultCell, operations] = inputs.get(name) ?? [];
      expect([name, defaultCell]).toEqual([name, input.default ? `\`${input.default}\`` : '']);
      expect(operations).toMatch(/^(all|[a-z]+(, [a-z]+)*)$/);
    }
    expect([...tableRows(README, 'outputs').keys()]).toEqual(Object.keys(action.outputs));
  });
});
