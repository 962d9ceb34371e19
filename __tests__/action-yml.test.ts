import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { OPERATIONS, readInputs } from '../src/inputs.js';
import { OUTPUT_NAMES } from '../src/timer/output-names.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
}

const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as ActionYml;

/** Every input name the code asks for, whatever the operation. */
async function inputsTheCodeReads(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const operation of OPERATIONS) {
    try {
      await readInputs({
        getInput: (name) => {
          names.add(name);
          return name === 'operation' ? operation : '';
        },
        env: {},
        workspace: '.',
        now: () => DateTime.utc(),
      });
    } catch {
      // the inputs are empty; only the names asked for matter here
    }
  }
  return names;
}

describe('action.yml', () => {
  it('runs dist/index.js on node24', async () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads', async () => {
    expect([...(await inputsTheCodeReads())].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('declares exactly the outputs the code sets', async () => {
    expect([...OUTPUT_NAMES].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('describes every input and output', async () => {
    const undescribed = [...Object.entries(action.inputs), ...Object.entries(action.outputs)]
      .filter(([, entry]) => (entry.description ?? '').length < 10)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  it('gives every input a default, and states boolean defaults in the description', async () => {
    const withoutDefault = Object.entries(action.inputs).filter(
      ([, input]) => !('default' in input),
    );
    expect(withoutDefault).toEqual([]);
    const booleans = Object.entries(action.inputs).filter(([, input]) =>
      /^(true|false)$/.test(String(input.default)),
    );
    expect(booleans.length).toBeGreaterThan(5);
    const unstated = booleans
      .filter(([, input]) => !(input.description ?? '').includes(`Default ${input.default}`))
      .map(([name]) => name);
    expect(unstated).toEqual([]);
  });

  it('lists every operation in the operation input', async () => {
    for (const operation of OPERATIONS) {
      expect(action.inputs.operation?.description).toContain(operation);
    }
  });

  it('is used with declared inputs only, in the README and the example workflows', async () => {
    const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    const examples = readdirSync(new URL('../examples/workflows/', import.meta.url)).map((file) =>
      read(`examples/workflows/${file}`),
    );
    const readmeSnippets = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    const used = new Set<string>();
    for (const text of [...examples, ...readmeSnippets]) collectWithKeys(parse(text), used);
    expect(used.size).toBeGreaterThanOrEqual(20);
    expect([...used].filter((name) => !(name in action.inputs))).toEqual([]);
  });
});

/** Every `with:` key of a step that uses this action, anywhere in a parsed YAML document. */
function collectWithKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectWithKeys(item, into);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const uses = typeof record.uses === 'string' && record.uses.includes('globus-timer-action');
  if (uses && typeof record.with === 'object' && record.with !== null) {
    for (const key of Object.keys(record.with)) into.add(key);
  }
  for (const value of Object.values(record)) collectWithKeys(value, into);
}
