import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../emulator/index.js';
import { GitHubApiStandIn } from '../__fixtures__/github-api.js';
import { runInProcess } from '../__fixtures__/harness.js';
import { useEmulator } from '../__fixtures__/use-emulator.js';

/*
 * comment: true — the step's summary as one sticky comment on the pull request, found again by
 * a key: the spec file's path, the timer's name (given, or as Globus has it), or the operation.
 */

const emulator = useEmulator();

/** A daily transfer timer between two collections that need no data_access consent. */
const transferTimer = (overrides: Record<string, string> = {}): Record<string, string> => ({
  name: 'nightly',
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/, /backup/, true',
  interval: '1d',
  ...overrides,
});
const github = new GitHubApiStandIn();
let apiUrl: string;
let workspace: string;

beforeAll(async () => {
  apiUrl = await github.start();
  workspace = mkdtempSync(join(tmpdir(), 'gta-main-comment-'));
  writeFileSync(join(workspace, 'event.json'), JSON.stringify({ pull_request: { number: 12 } }));
});
afterAll(() => github.stop());
beforeEach(() => {
  github.comments.length = 0;
  github.requests.length = 0;
  github.failWith = undefined;
});

/** The runner's environment for a pull_request event of octo/pipeline#12. */
const pullRequest = () => ({
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: join(workspace, 'event.json'),
  GITHUB_REPOSITORY: 'octo/pipeline',
  GITHUB_API_URL: apiUrl,
  GITHUB_WORKSPACE: workspace,
});

function commenting(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runInProcess(
    emulator,
    { comment: 'true', 'github-token': 'ghs_example', ...inputs },
    { ...pullRequest(), ...env },
  );
}

/** The marker line of each comment on the pull request. */
const markers = () => github.comments.map((comment) => comment.body.split('\n')[0]);

describe('comment: true on a pull request', () => {
  it('posts the step summary once, marked with the timer’s name, with the token given', async () => {
    const core = await commenting({ ...transferTimer(), operation: 'plan' });
    expect(core.failed).toBeUndefined();
    expect(github.comments).toEqual([
      {
        id: expect.any(Number),
        issue: 12,
        body: `<!-- globus-timer-action:nightly -->\n${core.summaries[0]}`,
      },
    ]);
    const path = '/repos/octo/pipeline/issues/12/comments';
    expect(github.requests).toEqual([
      { method: 'GET', path, authorization: 'token ghs_example' },
      { method: 'POST', path, authorization: 'token ghs_example' },
    ]);
    expect(core.logs).toContain('Commented on pull request #12');
  });

  it('marks a step by job-id with the timer’s name as Globus has it', async () => {
    const created = await runInProcess(emulator, transferTimer({ name: 'by-id/timer' }));
    const jobId = created.outputs['job-id'] ?? '';
    await commenting({ operation: 'check', 'job-id': jobId });
    expect(markers()).toEqual(['<!-- globus-timer-action:by-id/timer -->']);
  });

  it('marks a step about no one timer with the operation', async () => {
    await commenting({ operation: 'list' });
    expect(markers()).toEqual(['<!-- globus-timer-action:list -->']);
  });

  it('marks a spec file’s step with the file’s path', async () => {
    writeFileSync(
      join(workspace, 'timers.yml'),
      ['timers:', ...transferTimerYaml('spec/a')].join('\n'),
    );
    const core = await commenting({ operation: 'plan', 'spec-file': 'timers.yml' });
    expect(core.failed).toBeUndefined();
    expect(markers()).toEqual(['<!-- globus-timer-action:timers.yml -->']);
  });
});

describe('a comment passes the one redactor', () => {
  it('holds no token value, in its body or its marker, as the summary holds none', async () => {
    const core = await commenting({
      ...transferTimer({ name: 'leak token=s3cr3t-value' }),
      operation: 'plan',
    });
    expect(core.failed).toBeUndefined();
    expect(github.comments).toHaveLength(1);
    const [posted] = github.comments;
    expect(posted?.body).not.toContain('token=s3cr3t-value');
    expect(posted?.body.split('\n').slice(1).join('\n')).toBe(core.summaries[0]);
  });
});

describe('a comment GitHub refuses', () => {
  it('is a warning saying what GitHub answered, through the redactor; the step still passes', async () => {
    github.failWith = 404;
    // A gateway that echoes what it was sent: the step's own secret never reaches the log.
    github.failBody = { message: `Not Found for ${DEMO_CLIENT.secret}` };
    const core = await commenting({ ...transferTimer(), operation: 'plan' });
    expect(core.failed).toBeUndefined();
    expect(core.annotations).toEqual([
      {
        level: 'warning',
        message:
          'Could not comment on pull request #12: GitHub answered 404 "Not Found for [redacted]"; the pull request or the repository octo/pipeline was not found, or github-token cannot see it',
      },
    ]);
  });
});

describe('no comment', () => {
  it('with comment: false, nothing is asked of GitHub', async () => {
    const core = await commenting({ ...transferTimer(), operation: 'plan', comment: 'false' });
    expect(github.requests).toEqual([]);
    expect(core.annotations).toEqual([]);
  });

  it('outside a pull request, only a notice says so', async () => {
    const core = await commenting(
      { ...transferTimer(), operation: 'plan' },
      { GITHUB_EVENT_NAME: 'push' },
    );
    expect(core.failed).toBeUndefined();
    expect(github.requests).toEqual([]);
    expect(core.annotations).toEqual([
      { level: 'notice', message: 'comment: true only comments on pull_request events; skipped' },
    ]);
  });
});

/** A spec-file entry for the same transfer as transferTimer(). */
function transferTimerYaml(name: string): string[] {
  const timer = transferTimer({ name });
  return [
    `  - name: ${name}`,
    `    source-endpoint: ${timer['source-endpoint']}`,
    `    destination-endpoint: ${timer['destination-endpoint']}`,
    '    items: /data/, /backup/',
    `    interval: ${timer.interval}`,
  ];
}
