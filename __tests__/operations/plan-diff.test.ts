import { describe, expect, it } from '@jest/globals';
import { listDiff } from '../../src/operations/list-diff.js';
import { pathChanges, showJson } from '../../src/operations/path-diff.js';
import {
  changeJson,
  describeChanges,
  diffBlockLines,
  SHOWN_ROWS,
} from '../../src/operations/plan-diff.js';
import type { FieldChange } from '../../src/timer/compare.js';

/*
 * A plan's changes as the log, the summary's diff block and the `plan` output write them: each
 * value by its input, a list entry by entry, a flow input by JSON path, and the diff (never a
 * value) cut with a count of what was left out.
 */

const item = (n: number, recursive = 'true') => `/data/${n}, /backup/${n}, ${recursive}`;
const items = (count: number) => Array.from({ length: count }, (_, i) => item(i + 1));

describe('a value', () => {
  const interval: FieldChange = { field: 'interval', live: '1d', desired: '12h' };

  it('is one log line and a - and + line of the diff', () => {
    expect(describeChanges([interval])).toEqual(['interval: 1d → 12h']);
    expect(diffBlockLines([interval])).toEqual(['- interval: 1d', '+ interval: 12h']);
  });

  it('set on one side only is (none) in the log and one line of the diff', () => {
    const added: FieldChange = { field: 'sync-level', live: undefined, desired: 'checksum' };
    const removed: FieldChange = { field: 'label', live: 'old', desired: undefined };
    expect(describeChanges([added, removed])).toEqual([
      'sync-level: (none) → checksum',
      'label: old → (none)',
    ]);
    expect(diffBlockLines([added, removed])).toEqual(['+ sync-level: checksum', '- label: old']);
  });
});

describe('a list', () => {
  it('shows a changed 5th item of 7 as that item removed and its new line added, with where', () => {
    const desired = items(7);
    desired[4] = '/data/x, /y, true';
    const change: FieldChange = { field: 'items', live: items(7), desired };
    expect(describeChanges([change])).toEqual([
      'items: 1 removed, 1 added (7 → 7)',
      '  item 5:',
      `    - ${item(5)}`,
      '    + /data/x, /y, true',
    ]);
    expect(diffBlockLines([change])).toEqual([
      '  items: 1 removed, 1 added (7 → 7)',
      '    item 5:',
      `-     ${item(5)}`,
      '+     /data/x, /y, true',
    ]);
  });

  it('places an item inserted in the middle, and a removal at the end or the start', () => {
    const inserted = [...items(3).slice(0, 2), 'new, /n', ...items(3).slice(2)];
    expect(describeChanges([{ field: 'items', live: items(3), desired: inserted }])).toEqual([
      'items: 1 added (3 → 4)',
      '  item 3:',
      '    + new, /n',
    ]);
    expect(describeChanges([{ field: 'items', live: items(3), desired: items(2) }])).toEqual([
      'items: 1 removed (3 → 2)',
      '  after item 2:',
      `    - ${item(3)}`,
    ]);
    expect(
      describeChanges([{ field: 'items', live: items(3), desired: items(3).slice(1) }]),
    ).toEqual(['items: 1 removed (3 → 2)', '  at the start:', `    - ${item(1)}`]);
  });

  it('tells two separate runs of changes apart, numbered in the desired list', () => {
    const desired = items(9);
    desired.splice(1, 1);
    desired[6] = 'changed, /c';
    expect(describeChanges([{ field: 'items', live: items(9), desired }])).toEqual([
      'items: 2 removed, 1 added (9 → 8)',
      '  after item 1:',
      `    - ${item(2)}`,
      '  item 7:',
      `    - ${item(8)}`,
      '    + changed, /c',
    ]);
  });

  it('that comes or goes whole needs no place, and other lists are not placed', () => {
    expect(describeChanges([{ field: 'items', live: undefined, desired: items(2) }])).toEqual([
      'items: 2 added',
      `    + ${item(1)}`,
      `    + ${item(2)}`,
    ]);
    expect(describeChanges([{ field: 'exclude', live: ['*.tmp'], desired: ['*.log'] }])).toEqual([
      'exclude: 1 removed, 1 added (1 → 1)',
      '    - *.tmp',
      '    + *.log',
    ]);
  });

  it('is matched entry by entry once, then reused', () => {
    const change: FieldChange = { field: 'items', live: items(3), desired: items(4) };
    expect(listDiff(change)).toBe(listDiff(change));
    expect(listDiff(change)).toEqual({
      hunks: [{ liveAt: 3, desiredAt: 3, removed: [], added: [item(4)] }],
      removed: 0,
      added: 1,
      liveLength: 3,
      desiredLength: 4,
    });
  });

  it('too different to match entry by entry is shown as the old middle removed, the new added', () => {
    const live = Array.from({ length: 3000 }, (_, i) => `old-${i}, /x`);
    const desired = [...live.slice(0, 2), ...Array.from({ length: 3000 }, (_, i) => `n-${i}, /x`)];
    const diff = listDiff({ field: 'items', live, desired });
    expect(diff.removed).toBe(2998);
    expect(diff.added).toBe(3000);
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]?.removed[0]).toBe('old-2, /x');
    expect(diff.hunks[0]?.added[0]).toBe('n-0, /x');
  });
});

describe('a flow input', () => {
  it('shows each leaf that differs by its JSON path', () => {
    const change: FieldChange = {
      field: 'flow-input',
      live: { files: ['a', 'b'], source: { path: '/data' }, 'odd key': 1 },
      desired: { files: ['a', 'b', 'run.csv'], source: { path: '/new' }, 'odd key': 1 },
    };
    expect(describeChanges([change])).toEqual([
      'flow-input:',
      '  $.files[2]: (none) → run.csv',
      '  $.source.path: /data → /new',
    ]);
    expect(diffBlockLines([change])).toEqual([
      '  flow-input:',
      '+   $.files[2]: run.csv',
      '-   $.source.path: /data',
      '+   $.source.path: /new',
    ]);
  });

  it('walks an input on one side only, and names odd keys in brackets', () => {
    expect(pathChanges(undefined, { a: { 'b c': [1, {}] } })).toEqual([
      { path: '$.a["b c"][0]', desired: 1 },
      { path: '$.a["b c"][1]', desired: {} },
    ]);
    expect(pathChanges({ a: 1 }, undefined)).toEqual([{ path: '$.a', live: 1 }]);
  });

  it('shows a value that changes shape as a whole', () => {
    expect(pathChanges({ a: { b: 1 } }, { a: 'text' })).toEqual([
      { path: '$.a', live: { b: 1 }, desired: 'text' },
    ]);
    expect(pathChanges({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: '$.a', live: [1], desired: { 0: 1 } },
    ]);
    expect(pathChanges({}, { a: 1 })).toEqual([{ path: '$.a', desired: 1 }]);
    expect(pathChanges([], [1])).toEqual([{ path: '$[0]', desired: 1 }]);
    expect(pathChanges(undefined, {})).toEqual([{ path: '$', desired: {} }]);
    expect(pathChanges({}, [])).toEqual([{ path: '$', live: {}, desired: [] }]);
  });

  it('writes strings bare unless they could be read as another value', () => {
    expect(showJson('run.csv')).toBe('run.csv');
    expect(showJson('a "b"')).toBe('a "b"');
    expect(
      ['1', 'true', 'null', '', ' padded', '(none)', '{x', 'two\nlines'].map(showJson),
    ).toEqual(['"1"', '"true"', '"null"', '""', '" padded"', '"(none)"', '"{x"', '"two\\nlines"']);
    expect([1, true, null, undefined, { a: 1 }].map(showJson)).toEqual([
      '1',
      'true',
      'null',
      '(none)',
      '{"a":1}',
    ]);
  });
});

describe('cutting a long diff', () => {
  it(`keeps ${SHOWN_ROWS} rows and says how many lines were left out, values whole`, () => {
    const change: FieldChange = { field: 'items', live: undefined, desired: items(200) };
    const lines = describeChanges([change]);
    expect(lines).toHaveLength(SHOWN_ROWS);
    expect(lines[0]).toBe('items: 200 added');
    expect(lines[SHOWN_ROWS - 2]).toBe(`    + ${item(SHOWN_ROWS - 2)}`);
    // 201 rows: the heading and 200 items; 59 are shown and the last row tells the rest.
    expect(lines[SHOWN_ROWS - 1]).toBe(`… ${201 - (SHOWN_ROWS - 1)} more lines left out`);
    expect(describeChanges([change], 3)).toEqual([
      'items: 200 added',
      `    + ${item(1)}`,
      '… 199 more lines left out',
    ]);
  });

  it('makes only the rows it shows of a list of 100,000 items, and counts them all', () => {
    const live = items(100_000);
    const desired = [...live.slice(0, 50_000), ...items(100_000).map((line) => `${line}x`)];
    const lines = describeChanges([{ field: 'items', live, desired }]);
    expect(lines[0]).toBe('items: 50000 removed, 100000 added (100000 → 150000)');
    expect(lines[1]).toBe('  item 50001:');
    expect(lines[2]).toBe(`    - ${item(50_001)}`);
    expect(lines[SHOWN_ROWS - 1]).toBe(`… ${150_002 - (SHOWN_ROWS - 1)} more lines left out`);
    expect(changeJson({ field: 'items', live: undefined, desired: live })).toMatchObject({
      added: 100_000,
      left_out: 99_000,
    });
  });

  it('leaves a diff that fits whole, and counts rows (a value is one row, two diff lines)', () => {
    const change: FieldChange = { field: 'items', live: undefined, desired: items(2) };
    expect(describeChanges([change], 3)).toHaveLength(3);
    expect(describeChanges([change], 2)).toEqual(['items: 2 added', '… 2 more lines left out']);
    const name: FieldChange = { field: 'name', live: 'a', desired: 'b' };
    expect(diffBlockLines([change, name], 4)).toEqual([
      '  items: 2 added',
      `+     ${item(1)}`,
      `+     ${item(2)}`,
      '- name: a',
      '+ name: b',
    ]);
    expect(diffBlockLines([change, name], 3)).toEqual([
      '  items: 2 added',
      `+     ${item(1)}`,
      '  … 2 more lines left out',
    ]);
  });
});

describe('the plan output', () => {
  it('writes a value as live and desired, null when not set', () => {
    expect(changeJson({ field: 'interval', live: '1d', desired: '12h' })).toEqual({
      field: 'interval',
      live: '1d',
      desired: '12h',
    });
    expect(changeJson({ field: 'label', live: undefined, desired: 'x' })).toEqual({
      field: 'label',
      live: null,
      desired: 'x',
    });
  });

  it('writes a list as its edits, each at its place in its own list', () => {
    const desired = items(7);
    desired[4] = '/data/x, /y, true';
    expect(changeJson({ field: 'items', live: items(7), desired })).toEqual({
      field: 'items',
      removed: 1,
      added: 1,
      diff: [
        { op: '-', at: 5, value: item(5) },
        { op: '+', at: 5, value: '/data/x, /y, true' },
      ],
    });
  });

  it('writes a flow input as its paths, and cuts a long diff saying how much is left out', () => {
    expect(changeJson({ field: 'flow-input', live: { a: 1 }, desired: { a: 2, b: 'x' } })).toEqual({
      field: 'flow-input',
      diff: [
        { path: '$.a', live: 1, desired: 2 },
        { path: '$.b', desired: 'x' },
      ],
    });
    expect(changeJson({ field: 'items', live: undefined, desired: items(5) }, 2)).toEqual({
      field: 'items',
      removed: 0,
      added: 5,
      diff: [
        { op: '+', at: 1, value: item(1) },
        { op: '+', at: 2, value: item(2) },
      ],
      left_out: 3,
    });
  });
});
