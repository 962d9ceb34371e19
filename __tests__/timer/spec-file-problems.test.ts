import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { SPEC_FILE_KEYS } from '../../src/input-catalog.js';
import { readSpecFile } from '../../src/timer/spec-file.js';

/*
 * readSpecFile's problems one at a time, each with its exact message, the entry and key it
 * names and the line it points at; and the values it reads from each YAML form.
 */

const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
const workspace = mkdtempSync(join(tmpdir(), 'gta-spec-problems-'));
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

function read(name: string, lines: string[]) {
  writeFileSync(join(workspace, name), `${lines.join('\n')}\n`);
  return readSpecFile(name, { workspace, now: () => now, keys: SPEC_FILE_KEYS });
}

/** A whole transfer timer, as the lines of one list entry (indented under `timers:`). */
const entry = (name: string, ...extra: string[]) => [
  `  - name: ${name}`,
  `    source-endpoint: ${SRC}`,
  `    destination-endpoint: ${DST}`,
  '    items: /a, /b',
  '    interval: 1h',
  ...extra.map((line) => `    ${line}`),
];

describe('readSpecFile: the file as a whole', () => {
  it('names no line for a file that cannot be read', async () => {
    mkdirSync(join(workspace, 'a-directory.yml'), { recursive: true });
    const { problems, specFile } = await readSpecFile('a-directory.yml', {
      workspace,
      now: () => now,
      keys: SPEC_FILE_KEYS,
    });
    expect(specFile).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toHaveProperty('line');
    expect(problems[0]).toMatchObject({ input: 'spec-file', file: 'a-directory.yml' });
  });

  it('gives the first line of a YAML error and the line it is on', async () => {
    const { problems } = await read('broken.yml', [
      'name: a',
      'interval: 1h',
      'name: b',
      'items: /a, /b',
    ]);
    // The parser's message goes on with the lines around the error; only its first line is kept,
    // without the trailing `at line 3, column 1:` that introduced them.
    expect(problems).toStrictEqual([
      {
        input: 'spec-file',
        message: 'not valid YAML or JSON: Map keys must be unique (column 1)',
        file: 'broken.yml',
        line: 3,
      },
    ]);
  });

  it.each([
    ['a list', ['- name: a']],
    ['a bare value', ['just text']],
  ])('refuses %s at the top', async (_what, lines) => {
    expect((await read('top.yml', lines)).problems).toStrictEqual([
      {
        input: 'spec-file',
        message: 'must hold a mapping: one timer, or `timers:` with a list',
        file: 'top.yml',
      },
    ]);
  });

  it('refuses a timers entry that is not a mapping, at its line', async () => {
    const { problems } = await read('entries.yml', ['timers:', ...entry('a'), '  - just-a-name']);
    expect(problems).toStrictEqual([
      {
        input: 'spec-file',
        message: 'timers[1] must be a mapping of inputs',
        file: 'entries.yml',
        line: 7,
      },
    ]);
  });

  it.each([
    ['a value', ['timers: 3']],
    ['an empty list', ['timers: []']],
  ])('refuses timers that are %s, at their line', async (_what, lines) => {
    expect((await read('timers.yml', lines)).problems).toStrictEqual([
      {
        input: 'spec-file',
        message: '`timers:` must be a non-empty list',
        file: 'timers.yml',
        line: 1,
      },
    ]);
  });

  it('refuses defaults that are not a mapping, at their line', async () => {
    const { problems } = await read('defaults.yml', ['defaults: 3', 'timers:', ...entry('a')]);
    expect(problems).toStrictEqual([
      {
        input: 'spec-file',
        message: '`defaults:` must be a mapping of inputs',
        file: 'defaults.yml',
        line: 1,
      },
    ]);
  });

  it('refuses previous-name in defaults, at its line', async () => {
    const { problems } = await read('defaults.yml', [
      'defaults:',
      '  interval: 1h',
      '  previous-name: old',
      'timers:',
      ...entry('a'),
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'spec-file',
        message: 'defaults cannot set previous-name',
        file: 'defaults.yml',
        line: 3,
      },
    ]);
  });

  it('names a key of defaults that is not a timer input as defaults.<key>', async () => {
    const { problems } = await read('defaults.yml', [
      'defaults:',
      '  colour: blue',
      'timers:',
      ...entry('a'),
    ]);
    expect(problems).toStrictEqual([
      { input: 'defaults.colour', message: 'is not a timer input', file: 'defaults.yml', line: 2 },
    ]);
  });

  it('lets an entry override what defaults give', async () => {
    const { problems, specFile } = await read('defaults.yml', [
      'defaults:',
      '  interval: 2h',
      '  label: from-defaults',
      'timers:',
      ...entry('a'),
      '  - name: b',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
    ]);
    expect(problems).toStrictEqual([]);
    const [a, b] = specFile?.entries ?? [];
    expect(a?.timer.schedule.intervalSeconds).toBe(3600);
    expect(b?.timer.schedule.intervalSeconds).toBe(7200);
    expect(b?.timer.transfer.options.label).toBe('from-defaults');
  });

  it.each([
    ['empty', 'prune-prefix:'],
    ['blank', 'prune-prefix: "   "'],
    ['a list', 'prune-prefix: [ci/]'],
  ])('refuses a prune-prefix that is %s, at its line', async (_what, line) => {
    const { problems } = await read('prune.yml', ['timers:', ...entry('a'), line]);
    expect(problems).toStrictEqual([
      {
        input: 'spec-file',
        message: '`prune-prefix:` must be a non-empty name prefix',
        file: 'prune.yml',
        line: 7,
      },
    ]);
  });

  it('trims the prune-prefix, and leaves it out when none is given', async () => {
    const trimmed = await read('prune.yml', ['prune-prefix: "  ci/  "', 'timers:', ...entry('a')]);
    expect(trimmed.problems).toStrictEqual([]);
    expect(trimmed.specFile?.prunePrefix).toBe('ci/');
    const none = await read('prune.yml', ['timers:', ...entry('a')]);
    expect(none.specFile).not.toHaveProperty('prunePrefix');
    expect(none.specFile?.path).toBe('prune.yml');
  });

  it('accepts timers, defaults and prune-prefix together with no problem', async () => {
    const { problems, specFile } = await read('all.yml', [
      'prune-prefix: ci/',
      'defaults:',
      '  interval: 2h',
      'timers:',
      ...entry('ci/a'),
    ]);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries.map((e) => e.timer.name)).toStrictEqual(['ci/a']);
  });
});

describe('readSpecFile: what every entry needs', () => {
  it('names the entry of a timer with no name, at the entry’s line', async () => {
    const { problems } = await read('noname.yml', [
      'timers:',
      ...entry('a'),
      `  - source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 1h',
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timers[1], name',
        message: 'required: every timer in a spec file needs a name',
        file: 'noname.yml',
        line: 7,
      },
    ]);
  });

  it('names a single timer’s keys without an entry label', async () => {
    const { problems } = await read('single.yml', ['interval: 1h', 'items: /a, /b']);
    expect(problems).toStrictEqual([
      {
        input: 'name',
        message: 'required: every timer in a spec file needs a name',
        file: 'single.yml',
        line: 1,
      },
      { input: 'source-endpoint', message: 'required', file: 'single.yml', line: 1 },
      { input: 'destination-endpoint', message: 'required', file: 'single.yml', line: 1 },
    ]);
  });

  it('names each missing endpoint, the missing items and interval of an entry', async () => {
    const { problems } = await read('missing.yml', ['timers:', '  - name: bare']);
    expect(problems).toStrictEqual([
      { input: 'timer "bare", source-endpoint', message: 'required', file: 'missing.yml', line: 2 },
      {
        input: 'timer "bare", destination-endpoint',
        message: 'required',
        file: 'missing.yml',
        line: 2,
      },
      {
        input: 'timer "bare", items',
        message: 'required (or items-file): what to transfer',
        file: 'missing.yml',
        line: 2,
      },
      {
        input: 'timer "bare", interval',
        message: 'required unless stop-after-runs is 1',
        file: 'missing.yml',
        line: 2,
      },
    ]);
  });

  it('takes items-file in place of items, and stop-after-runs 1 in place of an interval', async () => {
    writeFileSync(join(workspace, 'items.csv'), '/x, /y\n');
    const { problems, specFile } = await read('alt.yml', [
      'timers:',
      '  - name: alt',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items-file: items.csv',
      '    stop-after-runs: 1',
    ]);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.transfer.items).toStrictEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/x', destination_path: '/y' },
    ]);
  });

  it('says which entry a twice-listed name was listed first in', async () => {
    const { problems } = await read('twice.yml', [
      'timers:',
      ...entry('a'),
      ...entry('b'),
      ...entry('a'),
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a", name',
        message: '"a" is listed twice (also timer "a" (line 2))',
        file: 'twice.yml',
        line: 12,
      },
    ]);
  });

  it('reads previous-name and data-access, and leaves out what is not given', async () => {
    const { problems, specFile } = await read('extra.yml', [
      'timers:',
      ...entry('a', 'previous-name: old-a', `data-access: ${SRC}`),
      ...entry('b', 'previous-name:'),
      ...entry('c', 'previous-name: null'),
    ]);
    expect(problems).toStrictEqual([]);
    const [a, b, c] = specFile?.entries ?? [];
    expect(a?.previousName).toBe('old-a');
    expect(a?.dataAccess).toStrictEqual([SRC]);
    expect(b).not.toHaveProperty('previousName');
    expect(b?.dataAccess).toBe('auto');
    expect(c).not.toHaveProperty('previousName');
  });
});

describe('readSpecFile: keys and values of an entry', () => {
  it('refuses a key that is not a timer input, at its line', async () => {
    const { problems } = await read('key.yml', ['timers:', ...entry('a', 'colour: blue')]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), colour',
        message: 'is not a timer input',
        file: 'key.yml',
        line: 7,
      },
    ]);
  });

  it('refuses a mapping where a value belongs, at its key’s line', async () => {
    const { problems } = await read('map.yml', ['timers:', ...entry('a', 'label: { text: x }')]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), label',
        message: 'must be a value or a list',
        file: 'map.yml',
        line: 7,
      },
    ]);
  });

  it('reads a flow input written as a YAML mapping as the JSON it stands for', async () => {
    const { problems, specFile } = await read('flow.yml', [
      'name: f',
      `flow-id: ${SRC}`,
      'interval: 1h',
      'flow-input:',
      '  source: /a',
      '  count: 2',
      '  tags: [x, y]',
    ]);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.kind).toBe('flow');
    expect(specFile?.entries[0]?.timer.flow.input).toStrictEqual({
      source: '/a',
      count: 2,
      tags: ['x', 'y'],
    });
  });

  it('reads an empty list entry as an empty line', async () => {
    const { problems, specFile } = await read('nulls.yml', [
      'timers:',
      ...entry('a', 'exclude: [~, "*.tmp", ""]'),
    ]);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.transfer.options.filter_rules).toStrictEqual([
      { DATA_TYPE: 'filter_rule', name: '*.tmp', method: 'exclude', type: 'file' },
    ]);
  });

  it('refuses a list entry that is not text, at the entry’s line', async () => {
    const { problems } = await read('list.yml', [
      'timers:',
      ...entry('a', 'exclude:', '  - "*.tmp"', '  - { name: "*.swp" }'),
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), exclude',
        message: 'list entries must be text (or, for items, {source, destination, recursive})',
        file: 'list.yml',
        line: 9,
      },
    ]);
  });

  it('refuses a nested list as an item', async () => {
    const { problems } = await read('nested.yml', [
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    interval: 1h',
      '    items:',
      '      - [/a, /b]',
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), items',
        message: 'list entries must be text (or, for items, {source, destination, recursive})',
        file: 'nested.yml',
        line: 7,
      },
      {
        input: 'timer "a", items',
        message: 'required (or items-file): what to transfer',
        file: 'nested.yml',
        line: 2,
      },
    ]);
  });

  it('reads an empty or null value as not given', async () => {
    const { problems, specFile } = await read('empty.yml', [
      'timers:',
      ...entry('a', 'label:', 'sync-level: null', 'timezone: ~', '? include'),
    ]);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.transfer.options).not.toHaveProperty('label');
    expect(specFile?.entries[0]?.timer.transfer.options).not.toHaveProperty('sync_level');
  });

  it('points a bad single-line item at its own line', async () => {
    const { problems } = await read('inline.yml', [
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    interval: 1h',
      '    items: /only-one',
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), items',
        message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
        file: 'inline.yml',
        line: 6,
      },
    ]);
  });

  it('points a bad line of a block scalar at that line', async () => {
    const { problems } = await read('block.yml', [
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    interval: 1h',
      '    items: |',
      '      /a, /b',
      '      /only-one',
    ]);
    expect(problems).toStrictEqual([
      {
        input: 'timer "a" (line 2), items',
        message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
        file: 'block.yml',
        line: 8,
      },
    ]);
  });
});

describe('readSpecFile: items written as mappings', () => {
  const withItems = (...items: string[]) =>
    read('mapped.yml', [
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    interval: 1h',
      '    items:',
      ...items.map((item) => `      - ${item}`),
    ]);

  it('keeps the paths exactly: quotes, commas, leading and trailing spaces', async () => {
    const { problems, specFile } = await withItems(
      `{ source: '/say "hi"', destination: '/a,b' }`,
      `{ source: ' /lead', destination: '/trail ', recursive: true }`,
      `{ source: /plain, destination: /also plain, recursive: false }`,
    );
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.transfer.items).toStrictEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/say "hi"', destination_path: '/a,b' },
      {
        DATA_TYPE: 'transfer_item',
        source_path: ' /lead',
        destination_path: '/trail ',
        recursive: true,
      },
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/plain',
        destination_path: '/also plain',
        recursive: false,
      },
    ]);
  });

  it('leaves out a recursive that is not given, so the item has none', async () => {
    const { specFile } = await withItems(`{ source: /s, destination: /d }`);
    expect(specFile?.entries[0]?.timer.transfer.items).toStrictEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/s', destination_path: '/d' },
    ]);
  });

  it('keeps a path made only of quotes', async () => {
    const { problems, specFile } = await withItems(`{ source: '"', destination: /d }`);
    expect(problems).toStrictEqual([]);
    expect(specFile?.entries[0]?.timer.transfer.items).toStrictEqual([
      { DATA_TYPE: 'transfer_item', source_path: '"', destination_path: '/d' },
    ]);
  });

  it('reads an empty text entry as an empty line', async () => {
    const { problems } = await withItems('/a, /b', '""', '/c, /d');
    expect(problems).toStrictEqual([]);
  });
});
