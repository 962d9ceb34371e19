import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { DateTime } from 'luxon';
import { parse, stringify } from 'yaml';
import { readActionYml } from '../scripts/action-yml.js';
import { kindSchema, SCHEMA_URL, specFileSchema } from '../scripts/spec-schema.js';
import { INPUT_CATALOG, SPEC_FILE_KEYS, type InputDefinition } from '../src/input-catalog.js';
import { readSpecFile } from '../src/timer/spec-file.js';

const action = readActionYml();
const schema = specFileSchema(action);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

const SRC = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const DST = '31d6a2a8-a8b3-4a8e-bd97-3b5f6a2f9d4e';
const base = { 'source-endpoint': SRC, 'destination-endpoint': DST, items: '/a, /b' };
const timerWith = (values: Record<string, unknown>) => ({
  name: 'ci/x',
  interval: '1d',
  ...base,
  ...values,
});

/** What the action itself says about a spec file holding this document. */
async function actionAccepts(document: unknown): Promise<boolean> {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-schema-'));
  writeFileSync(join(workspace, 'timers.yml'), stringify(document));
  return (
    (await readSpecFile('timers.yml', { workspace, now: () => now, keys: SPEC_FILE_KEYS })).problems
      .length === 0
  );
}

describe('schema/timers.schema.json', () => {
  it('lists exactly the keys a spec-file timer may hold', async () => {
    const timer = (schema.definitions as Record<string, { properties: object }>).timer;
    expect(Object.keys(timer?.properties ?? {}).sort()).toEqual([...SPEC_FILE_KEYS].sort());
    expect(schema.$id).toBe(SCHEMA_URL);
  });

  it("accepts the README's spec file and the examples' spec files, as the action does", async () => {
    const readme = read('README.md');
    const snippet =
      /```yaml\n(# yaml-language-server[^\n]*\n# transfer\/timers\.yml[\s\S]*?)```/.exec(
        readme,
      )?.[1];
    expect(snippet).toContain(`$schema=${SCHEMA_URL}`);
    const examples = readdirSync(join(root, 'examples/spec')).map((f) =>
      read(`examples/spec/${f}`),
    );
    for (const text of [snippet ?? '', ...examples]) {
      expect(text).toContain(`# yaml-language-server: $schema=${SCHEMA_URL}`);
      validate(parse(text));
      expect(validate.errors ?? []).toEqual([]);
    }
    for (const file of readdirSync(join(root, 'examples/spec'))) {
      const { problems } = await readSpecFile(`examples/spec/${file}`, {
        workspace: root,
        now: () => now,
        keys: SPEC_FILE_KEYS,
      });
      expect(problems).toEqual([]);
    }
  });

  it.each([
    ['a single timer', timerWith({})],
    [
      'numbers and booleans as YAML writes them',
      timerWith({ interval: 3600, 'stop-after-runs': 2, 'encrypt-data': true, 'sync-level': 3 }),
    ],
    [
      'quoted booleans and compact durations',
      timerWith({ 'verify-checksum': 'False', interval: '1d 12h' }),
    ],
    [
      'ISO durations and dates',
      timerWith({
        interval: 'PT8H',
        start: '2026-12-01 02:00',
        'stop-after-date': '2027-01-01T00:00:00+02:00',
      }),
    ],
    [
      'lists of rules, events and collections',
      timerWith({ exclude: ['*.tmp'], notify: 'succeeded, failed', 'data-access': [SRC] }),
    ],
    [
      'item mappings',
      timerWith({ items: [{ source: '/a,b', destination: '/c', recursive: true }, '/d, /e'] }),
    ],
    [
      'a list with defaults',
      { 'prune-prefix': 'ci/', defaults: { ...base, interval: '6h' }, timers: [{ name: 'ci/a' }] },
    ],
  ])('accepts what the action accepts: %s', async (_, document) => {
    expect(await actionAccepts(document)).toBe(true);
    validate(document);
    expect(validate.errors ?? []).toEqual([]);
  });

  it.each([
    ['an unknown key', timerWith({ sync_level: 'checksum' })],
    ['a bad collection id', timerWith({ 'source-endpoint': 'not-a-uuid' })],
    ['a bad boolean', timerWith({ 'encrypt-data': 'maybe' })],
    ['an unknown sync level', timerWith({ 'sync-level': 'fastest' })],
    ['a word for a duration', timerWith({ interval: 'tomorrow' })],
    ['an interval under a minute', timerWith({ interval: 30 })],
    ['zero runs', timerWith({ 'stop-after-runs': 0 })],
    ['a date in words', timerWith({ start: 'next monday' })],
    ['an unknown event', timerWith({ notify: 'always' })],
    ['an item without a destination', timerWith({ items: [{ source: '/a' }] })],
    ['a timer without a name', { ...base, interval: '1d' }],
    ['defaults that set a name', { defaults: { name: 'x' }, timers: [timerWith({})] }],
    ['an empty list', { timers: [] }],
    ['an empty prune-prefix', { 'prune-prefix': '', timers: [timerWith({})] }],
  ])('rejects what the action rejects: %s', async (_, document) => {
    expect(await actionAccepts(document)).toBe(false);
    expect(validate(document)).toBe(false);
  });

  it("accepts every action.yml default as a value of the input's kind", async () => {
    const catalog = INPUT_CATALOG as Record<string, InputDefinition>;
    for (const [name, input] of Object.entries(action.inputs)) {
      const value = input.default ?? '';
      if (value === '' || value.startsWith('${{')) continue;
      const kind = catalog[name]?.kind;
      expect([name, kind && ajv.validate(kindSchema(kind), value)]).toEqual([name, true]);
    }
  });
});
