import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CLIENT,
  SEEDED_COLLECTIONS,
  startEmulator,
  type Emulator,
} from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv, runInProcess } from '../../__fixtures__/harness.js';
import {
  MATRIX_CELLS,
  MATRIX_FAULTS,
  MATRIX_OPERATIONS,
  type MatrixFault,
} from '../../__fixtures__/fault-matrix.js';
import { expectNoCredential } from '../../__fixtures__/no-credentials.js';

/*
 * Every cell of the fault matrix through dist/index.js, each on its own emulator: the step's
 * outcome (success after the fault, or a clear failure naming the service and what to do),
 * what Globus holds afterwards (a create never makes two timers, a failed write changes
 * nothing), and no credential in anything the step shows or writes.
 */

const TIMER = {
  name: 'matrix',
  'source-endpoint': SEEDED_COLLECTIONS.guest.id,
  'destination-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  items: '/data/, /backup/, true',
  interval: '1d',
};

const live = (emulator: Emulator, name?: string) =>
  emulator
    .state()
    .timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status))
    .filter((t) => name === undefined || t.name === name);

interface Cell {
  inputs: Record<string, string>;
  workspace?: string;
  /** What Globus holds after the step succeeded. */
  succeeded(emulator: Emulator, run: ActionRun): void;
  /** What Globus holds after a lasting fault: nothing half-done. */
  unchanged(emulator: Emulator): void;
}

async function existing(emulator: Emulator): Promise<string> {
  const made = await runInProcess(emulator, { ...TIMER, operation: 'create' });
  return made.outputs['job-id'] ?? '';
}

const oneTimer = (emulator: Emulator, run: ActionRun) => {
  expect(live(emulator, 'matrix')).toHaveLength(1);
  expect(run.outputs['job-id']).toBe(live(emulator, 'matrix')[0]?.job_id);
};

const PREPARE: Record<string, (emulator: Emulator) => Promise<Cell>> = {
  create: async () => ({
    inputs: { ...TIMER, operation: 'create' },
    succeeded: oneTimer,
    unchanged: (emulator) => expect(live(emulator)).toEqual([]),
  }),
  'apply (create)': async () => ({
    inputs: TIMER,
    succeeded: oneTimer,
    unchanged: (emulator) => expect(live(emulator)).toEqual([]),
  }),
  'apply (replace)': async (emulator) => {
    await existing(emulator);
    return {
      inputs: { ...TIMER, interval: '12h' },
      succeeded: (emulator, run) => {
        oneTimer(emulator, run);
        expect(live(emulator)[0]?.interval).toBe(43200);
      },
      unchanged: (emulator) => expect(live(emulator).map((t) => t.interval)).toEqual([86400]),
    };
  },
  'update (rename)': async (emulator) => {
    const jobId = await existing(emulator);
    return {
      inputs: { operation: 'update', 'job-id': jobId, name: 'renamed' },
      succeeded: (emulator) => expect(live(emulator).map((t) => t.name)).toEqual(['renamed']),
      unchanged: (emulator) => expect(live(emulator).map((t) => t.name)).toEqual(['matrix']),
    };
  },
  pause: async (emulator) => {
    const jobId = await existing(emulator);
    return {
      inputs: { operation: 'pause', 'job-id': jobId },
      succeeded: (emulator) => expect(live(emulator)[0]?.inactive_reason?.cause).toBe('user'),
      unchanged: (emulator) => expect(live(emulator)[0]?.status).toBe('new'),
    };
  },
  resume: async (emulator) => {
    const jobId = await existing(emulator);
    await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    return {
      inputs: { operation: 'resume', 'job-id': jobId },
      succeeded: (emulator) => expect(live(emulator)[0]?.status).toBe('new'),
      unchanged: (emulator) => expect(live(emulator)[0]?.status).toBe('inactive'),
    };
  },
  delete: async (emulator) => {
    const jobId = await existing(emulator);
    return {
      inputs: { operation: 'delete', 'job-id': jobId },
      succeeded: (emulator) => expect(live(emulator)).toEqual([]),
      unchanged: (emulator) => expect(live(emulator)).toHaveLength(1),
    };
  },
  'spec-file apply': async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'gta-matrix-'));
    const entries = ['matrix/a', 'matrix/b'].map((name) => `  - name: ${name}`).join('\n');
    const defaults = Object.entries(TIMER)
      .filter(([key]) => key !== 'name')
      .map(([key, value]) => `  ${key}: ${value}`)
      .join('\n');
    writeFileSync(join(workspace, 'timers.yml'), `defaults:\n${defaults}\ntimers:\n${entries}\n`);
    return {
      workspace,
      inputs: { 'spec-file': 'timers.yml' },
      succeeded: (emulator) => {
        expect(
          live(emulator)
            .map((t) => t.name)
            .sort(),
        ).toEqual(['matrix/a', 'matrix/b']);
      },
      unchanged: (emulator) => expect(live(emulator)).toEqual([]),
    };
  },
  check: async (emulator) => {
    const jobId = await existing(emulator);
    emulator.advance(60);
    return {
      inputs: { operation: 'check', 'job-id': jobId },
      succeeded: (_emulator, run) => {
        expect(run.outputs).toMatchObject({ result: 'checked', 'transfer-status': 'SUCCEEDED' });
      },
      unchanged: (emulator) => expect(live(emulator)).toHaveLength(1),
    };
  },
};

const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
});

const cells = MATRIX_OPERATIONS.flatMap((operation) =>
  MATRIX_FAULTS.map((fault) => [operation.name, fault.name, operation, fault] as const),
);

/** A lasting fault fails clearly and changes nothing; a passing one is ridden out. */
function expectOutcome(emulator: Emulator, cell: Cell, fault: MatrixFault, run: ActionRun): void {
  if (!fault.lasting) {
    if (run.exitCode !== 0) throw new Error(`step failed:\n${run.stdout}\n${run.stderr}`);
    expect(emulator.state().faults).toEqual([]); // the fault did hit the step
    cell.succeeded(emulator, run);
    return;
  }
  expect(run.exitCode).toBe(1);
  const status = String(fault.fault.status);
  expect(run.stdout).toMatch(new RegExp(`::error::Globus Timers \\w+ \\S+: HTTP ${status}`));
  expect(run.stdout).toContain('re-run the job, or raise retries');
  cell.unchanged(emulator);
}

describe('the fault matrix (dist/index.js)', () => {
  it('covers every operation against every fault', () => {
    expect(cells).toHaveLength(MATRIX_CELLS);
    expect(Object.keys(PREPARE).sort()).toEqual(MATRIX_OPERATIONS.map((op) => op.name).sort());
  });

  it.concurrent.each(cells)('%s — %s', async (_op, _fault, operation, fault) => {
    const emulator = await startEmulator();
    emulators.push(emulator);
    const cell = await (PREPARE[operation.name] as (e: Emulator) => Promise<Cell>)(emulator);
    emulator.setFault({ ...operation.target, ...fault.fault });
    const run = await runAction(
      { ...ACTION_DEFAULTS, ...cell.inputs, ...fault.inputs },
      {
        ...emulatorEnv(emulator),
        GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
        GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
        ...fault.env,
      },
      cell.workspace ? { workspace: cell.workspace } : {},
    );
    expectOutcome(emulator, cell, fault, run);
    expectNoCredential(run);
  });
});
