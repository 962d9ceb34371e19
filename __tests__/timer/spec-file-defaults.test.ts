import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { SPEC_FILE_KEYS } from '../../src/input-catalog.js';
import { formatProblem } from '../../src/timer/problems.js';
import { readSpecFile } from '../../src/timer/spec-file.js';

/*
 * What `defaults:` gives each timer (the keys of its own kind), how a problem with a value from
 * there reads, and how problems name the timer and suggest the key meant.
 */

const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
const FLOW = '88718c96-6f3d-48f7-b4b1-b64633be40f5';
const workspace = mkdtempSync(join(tmpdir(), 'gta-spec-defaults-'));
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

async function read(lines: string[]) {
  writeFileSync(join(workspace, 'timers.yml'), `${lines.join('\n')}\n`);
  return readSpecFile('timers.yml', { workspace, now: () => now, keys: SPEC_FILE_KEYS });
}

/** The README's shape: transfer defaults beside a flow timer. */
const mixed = (...defaults: string[]) => [
  'defaults:',
  `  source-endpoint: ${SRC}`,
  `  destination-endpoint: ${DST}`,
  '  sync-level: checksum',
  '  notify: failed',
  '  interval: 1d',
  ...defaults.map((line) => `  ${line}`),
  'timers:',
  '  - name: ci/results',
  '    items: /results/, /project/results/, true',
  '  - name: ci/pipeline',
  `    flow-id: ${FLOW}`,
  '    flow-input: { files: [run.h5] }',
];

describe('defaults: the keys of each timer’s kind', () => {
  it('gives a flow timer none of the transfer defaults, and the transfer timer all of them', async () => {
    const { problems, specFile } = await read(mixed());
    expect(problems).toEqual([]);
    const [transfer, flow] = specFile?.entries ?? [];
    expect(transfer?.timer).toMatchObject({
      kind: 'transfer',
      schedule: { intervalSeconds: 86400 },
      transfer: {
        sourceEndpoint: SRC,
        destinationEndpoint: DST,
        options: { sync_level: 3, notify_on_failed: true, notify_on_succeeded: false },
      },
    });
    expect(flow?.timer).toMatchObject({ kind: 'flow', schedule: { intervalSeconds: 86400 } });
    expect(flow?.timer.transfer).toEqual({
      options: expect.not.objectContaining({ sync_level: expect.anything() }),
      defaulted: expect.any(Array),
    });
    expect(flow?.timer.transfer.options).not.toHaveProperty('notify_on_failed');
  });

  it('gives a transfer timer none of the flow defaults', async () => {
    const { problems, specFile } = await read([
      'defaults:',
      '  run-tags: nightly',
      `  destination-endpoint: ${DST}`,
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      '    items: /a, /b',
      '    interval: 1h',
      '  - name: b',
      `    flow-id: ${FLOW}`,
      '    interval: 1h',
    ]);
    expect(problems).toEqual([]);
    const [transfer, flow] = specFile?.entries ?? [];
    expect(transfer?.timer.flow).toEqual({});
    expect(flow?.timer.flow.tags).toEqual(['nightly']);
  });

  it('gives a timer with neither kind’s keys of its own every default, and says where a clash comes from', async () => {
    const { problems } = await read([
      'defaults:',
      `  flow-id: ${FLOW}`,
      `  destination-endpoint: ${DST}`,
      'timers:',
      '  - name: a',
      '    interval: 1h',
    ]);
    expect(problems.map(formatProblem)).toContain(
      'timer "a" (line 5), flow-id (from defaults:, line 2): a flow timer takes no transfer inputs, but destination-endpoint is given too: give one kind',
    );
  });
});

describe('a problem with a value from defaults:', () => {
  it('says so, with the line in defaults, once for the file when every timer has it', async () => {
    const { problems } = await read([
      'defaults:',
      '  destination-endpoint: not-a-uuid',
      '  interval: 1h',
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      '    items: /a, /b',
      '  - name: b',
      `    source-endpoint: ${SRC}`,
      '    items: /c, /d',
    ]);
    expect(problems).toEqual([
      {
        input: 'destination-endpoint',
        message: '"not-a-uuid" must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
        file: 'timers.yml',
        line: 2,
        source: 'from defaults:',
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'destination-endpoint (from defaults:, line 2): "not-a-uuid" must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
    ]);
  });

  it('names the timer when only one timer has it', async () => {
    const { problems } = await read([
      'defaults:',
      '  stop-after-date: 2026-12-01',
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 1h',
      '    start: 2026-12-02',
      '  - name: b',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 1h',
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'timer "a" (line 4), stop-after-date (from defaults:, line 2): "2026-12-01" must be after start',
    ]);
  });
});

describe('names and suggestions', () => {
  it('names a key by the timer and its line, and suggests the key meant', async () => {
    const { problems } = await read([
      'timers:',
      '  - name: ci/logs',
      `    source-endpoint: ${SRC}`,
      `    destinaton-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 1h',
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'timer "ci/logs" (line 2), destinaton-endpoint (line 4): is not a timer input; did you mean destination-endpoint?',
      'timer "ci/logs", destination-endpoint (line 2): required',
    ]);
  });

  it('suggests nothing for a key far from every input, and suggests in defaults too', async () => {
    const { problems } = await read([
      'defaults:',
      '  intervall: 1h',
      'timers:',
      '  - name: a',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 1h',
      '    colour: blue',
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'is not a timer input; did you mean interval?',
      'is not a timer input',
    ]);
  });

  it('suggests the top-level key meant, in a list file and in a one-timer file', async () => {
    expect((await read(['timers: []', 'defualts: {}'])).problems.map((p) => p.message)).toEqual([
      'unknown key "defualts" (did you mean defaults?)',
      '`timers:` must be a non-empty list',
    ]);
    const single = await read(['timer:', '  - name: a']);
    expect(single.problems.map(formatProblem)).toContain(
      'timer (line 1): is not a timer input; did you mean timers?',
    );
  });

  it('falls back to the entry’s index when its name cannot name it', async () => {
    const { problems } = await read([
      'timers:',
      '  - name: [a, b]',
      `    source-endpoint: ${SRC}`,
      `    destination-endpoint: ${DST}`,
      '    items: /a, /b',
      '    interval: 30s',
    ]);
    expect(problems.map(formatProblem)).toContain(
      'timers[0] (line 2), interval (line 6): "30s" is below the 60-second minimum (a Globus Timers limit)',
    );
  });
});
