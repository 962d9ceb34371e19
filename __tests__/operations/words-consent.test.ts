import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../../emulator/index.js';
import type { FakeCore } from '../../__fixtures__/core.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A run that failed, and a timer inactive for a consent, in words against the emulator: what
 * Globus said as a sentence rather than its JSON, which consent is missing — a collection's
 * data_access, a flow — and the fix that fits it: no data-access advice for a flow, and no
 * "run operation: resume" inside a resume.
 */

const emulator = useEmulator();
const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const { echo } = SEEDED_FLOWS;

const transferTimer = {
  name: 'words/transfer',
  'source-endpoint': mapped,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/, /backup/, true',
  interval: '1h',
};
const flowTimer = {
  name: 'words/flow',
  'flow-id': echo.id,
  'flow-input': '{"echo_string": "hello"}',
  interval: '1h',
};

async function created(inputs: Record<string, string>): Promise<string> {
  const core = await runInProcess(emulator, inputs);
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

/** A JSON object in the text: `{"` starts one. */
const RAW_JSON = /\{"/;

/** What the step said in words: its log, annotations, summary and failure (outputs are JSON). */
const said = (core: FakeCore) =>
  [...core.logs, ...core.annotations.map((a) => a.message), ...core.summaries, core.failed].join(
    '\n',
  );

describe('a failed run in words', () => {
  it('a submission Globus refused: its code and message, not its JSON', async () => {
    const jobId = await created(transferTimer);
    emulator.advance(60);
    emulator.failNextRun(jobId, 'submission');
    emulator.advance(3600);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toMatch(
      /^run-error: the last run \(\S+\) reported an error: ServiceUnavailable: "The Transfer service is temporarily unavailable"$/m,
    );
    expect(said(core)).not.toMatch(RAW_JSON);
  });

  it('a transfer timer without its data_access consent: the collection, and data-access advice', async () => {
    const jobId = await created(transferTimer);
    emulator.advance(60);
    emulator.failNextRun(jobId, 'auth');
    emulator.advance(3600);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    const failures = core.failed?.split('\n') ?? [];
    expect(failures[0]).toMatch(
      new RegExp(
        `^run-error: the last run \\(\\S+\\) reported an error: ConsentRequired: "Missing required data_access consent"; it needs consent for data_access on collection ${mapped}$`,
      ),
    );
    expect(failures[1]).toBe(
      `inactive: timer ${jobId} is inactive: Globus Auth requirements are not met; it needs consent for data_access on collection ${mapped}; resume it (operation: resume) to ask for that consent and update the timer's credentials (data-access: auto, the default, asks for every collection that needs it)`,
    );
    expect(said(core)).not.toMatch(RAW_JSON);
  });

  it('a flow timer without its consent: the flow by name, and no data-access advice', async () => {
    const jobId = await created(flowTimer);
    emulator.advance(60);
    emulator.failNextRun(jobId, 'auth');
    emulator.advance(3600);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    const failures = core.failed?.split('\n') ?? [];
    expect(failures[0]).toMatch(
      new RegExp(
        `^run-error: the last run \\(\\S+\\) reported an error: ConsentRequired: "Missing required consent for flow ${echo.id}"; it needs consent for running flow ${echo.id}$`,
      ),
    );
    expect(failures[1]).toBe(
      `inactive: timer ${jobId} is inactive: Globus Auth requirements are not met; it needs consent for running flow ${echo.id}; resume it (operation: resume) to ask for that consent and update the timer's credentials`,
    );
    expect(said(core)).not.toMatch(RAW_JSON);
    expect(core.visibleText()).not.toContain('data-access');
  });
});

describe('resuming a timer inactive for a consent', () => {
  it.each([
    ['a transfer timer', transferTimer, `data_access on collection ${mapped}`],
    ['a flow timer', flowTimer, `running flow ${echo.id}`],
  ])(
    '%s: says what it asks for, and never to run the resume it is',
    async (_kind, inputs, consent) => {
      const jobId = await created(inputs);
      emulator.advance(60);
      emulator.failNextRun(jobId, 'auth');
      emulator.advance(3600);
      const core = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
      expect(core.outputs).toMatchObject({ result: 'resumed', changed: 'true', status: 'loaded' });
      expect(core.logs).toContain(
        `Timer "${inputs.name}" (${jobId}) is inactive: Globus Auth requirements are not met; it needs consent for ${consent}`,
      );
      expect(core.logs).toContain(`Asking Globus Auth for that consent: ${consent}`);
      expect(core.visibleText()).not.toContain('operation: resume');
    },
  );
});
