import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { SPEC_FILE_KEYS } from '../../src/input-catalog.js';
import { readSpecFile } from '../../src/timer/spec-file.js';

const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
const workspace = mkdtempSync(join(tmpdir(), 'gta-spec-'));
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

function read(name: string, text: string) {
  writeFileSync(join(workspace, name), text);
  return readSpecFile(name, { workspace, now: () => now, keys: SPEC_FILE_KEYS });
}

describe('readSpecFile', () => {
  it('reads a single timer', async () => {
    const { specFile, problems } = await read(
      'one.yml',
      `name: nightly\nsource-endpoint: ${SRC}\ndestination-endpoint: ${DST}\nitems: /a, /b, true\ninterval: 1d\nencrypt-data: true\n`,
    );
    expect(problems).toEqual([]);
    expect(specFile?.entries).toHaveLength(1);
    expect(specFile?.entries[0]?.timer).toMatchObject({
      name: 'nightly',
      transfer: {
        items: [{ source_path: '/a', destination_path: '/b', recursive: true }],
        options: { encrypt_data: true, verify_checksum: true },
      },
      schedule: { intervalSeconds: 86400 },
    });
  });

  it('reads a list with defaults, prune-prefix, previous-name and items in every form', async () => {
    const { specFile, problems } = await read(
      'many.yml',
      [
        'prune-prefix: ci/',
        'defaults:',
        `  source-endpoint: ${SRC}`,
        `  destination-endpoint: ${DST}`,
        '  interval: 12h',
        'timers:',
        '  - name: ci/results',
        '    previous-name: ci/old-results',
        '    items:',
        '      - /results/, /backup/results/, true',
        '      - { source: "/a,b.txt", destination: /b.txt, recursive: false }',
        '    data-access: none',
        '  - name: ci/logs',
        '    interval: 3600',
        '    items: |',
        '      # logs',
        '      /logs/, /backup/logs/, true',
        '    exclude: ["*.tmp", "*.swp"]',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(specFile?.prunePrefix).toBe('ci/');
    const [results, logs] = specFile?.entries ?? [];
    expect(results).toMatchObject({
      previousName: 'ci/old-results',
      dataAccess: 'none',
      timer: {
        schedule: { intervalSeconds: 43200 },
        transfer: {
          items: [
            { source_path: '/results/', recursive: true },
            { source_path: '/a,b.txt', destination_path: '/b.txt', recursive: false },
          ],
        },
      },
    });
    expect(logs).toMatchObject({
      dataAccess: 'auto',
      timer: {
        schedule: { intervalSeconds: 3600 },
        transfer: {
          sourceEndpoint: SRC,
          items: [{ source_path: '/logs/' }],
          options: {
            filter_rules: [
              { name: '*.tmp', method: 'exclude' },
              { name: '*.swp', method: 'exclude' },
            ],
          },
        },
      },
    });
  });

  it('reads JSON too', async () => {
    const json = JSON.stringify({
      timers: [
        {
          name: 'j',
          'source-endpoint': SRC,
          'destination-endpoint': DST,
          items: ['/a, /b'],
          interval: 600,
        },
      ],
    });
    expect((await read('timers.json', json)).specFile?.entries[0]?.timer.schedule).toEqual({
      intervalSeconds: 600,
    });
  });

  it('reads a CRLF file, with the lines of a block scalar where the editor shows them', async () => {
    const lines = [
      'name: crlf',
      `source-endpoint: ${SRC}`,
      `destination-endpoint: ${DST}`,
      'interval: 1h',
      'items: |',
      '  /a, /b',
      '  /only-one',
    ];
    const { problems } = await read('crlf.yml', `${lines.join('\r\n')}\r\n`);
    expect(problems).toEqual([expect.objectContaining({ input: 'items', line: 7 })]);
    const fixed = await read('crlf.yml', `${lines.slice(0, 6).join('\r\n')}\r\n`);
    expect(fixed.problems).toEqual([]);
    expect(fixed.specFile?.entries[0]?.timer.transfer.items).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' },
    ]);
  });

  it('names the entry and key of every problem and points at its line', async () => {
    const { problems, specFile } = await read(
      'bad.yml',
      [
        'timers:',
        '  - name: a',
        `    source-endpoint: ${SRC}`,
        `    destination-endpoint: ${DST}`,
        '    items:',
        '      - /ok, /ok',
        '      - /only-one',
        '    interval: 30s',
        '    colour: blue',
        '  - name: a',
        `    source-endpoint: nope`,
        `    destination-endpoint: ${DST}`,
        '    items: /x, /y',
        '    stop-after-runs: 1',
      ].join('\n'),
    );
    expect(specFile).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ input: 'timer "a" (line 2), colour', line: 9, file: 'bad.yml' }),
        expect.objectContaining({ input: 'timer "a" (line 2), items', line: 7 }),
        expect.objectContaining({
          input: 'timer "a" (line 2), interval',
          line: 8,
          message: expect.stringContaining('"30s" is below the 60-second minimum'),
        }),
        // Two entries of one name: their lines tell them apart.
        expect.objectContaining({ input: 'timer "a" (line 10), source-endpoint', line: 11 }),
        expect.objectContaining({
          input: 'timer "a", name',
          line: 10,
          message: expect.stringContaining('listed twice'),
        }),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('reports a YAML error with its line, and a missing file', async () => {
    expect((await read('broken.yml', 'timers:\n  - name: [unclosed\n')).problems).toEqual([
      expect.objectContaining({
        input: 'spec-file',
        file: 'broken.yml',
        message: expect.stringContaining('not valid YAML'),
      }),
    ]);
    expect(
      (await readSpecFile('missing.yml', { workspace, now: () => now, keys: SPEC_FILE_KEYS }))
        .problems,
    ).toEqual([
      expect.objectContaining({
        input: 'spec-file',
        message: expect.stringContaining('not found'),
      }),
    ]);
  });

  it('refuses unknown top-level keys and names in defaults', async () => {
    const { problems } = await read('top.yml', `timers: []\nextra: 1\ndefaults:\n  name: x\n`);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('unknown key "extra"'),
      '`timers:` must be a non-empty list',
      'defaults cannot set name',
    ]);
  });
});
