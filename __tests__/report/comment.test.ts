import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestOf, upsertStickyComment } from '../../src/report/comment.js';
import { githubComments } from '../../src/report/github-comments.js';
import type { Log } from '../../src/ports.js';
import { GitHubApiStandIn } from '../../__fixtures__/github-api.js';

const github = new GitHubApiStandIn();
let apiUrl: string;
const warnings: string[] = [];
const log: Log = {
  debug: () => {},
  info: () => {},
  notice: () => {},
  warning: (m) => warnings.push(m),
};
const pr = { owner: 'octo', repo: 'data', number: 7 };

beforeAll(async () => {
  apiUrl = await github.start();
});
afterAll(() => github.stop());

describe('upsertStickyComment', () => {
  it('creates one comment, then updates it in place', async () => {
    const api = await githubComments('ghs_token', apiUrl);
    expect(await upsertStickyComment(api, pr, 'nightly', 'first', log)).toBe('created');
    expect(await upsertStickyComment(api, pr, 'nightly', 'second', log)).toBe('updated');
    expect(github.comments).toEqual([
      { id: expect.any(Number), issue: 7, body: '<!-- globus-timer-action:nightly -->\nsecond' },
    ]);
    expect(github.requests.every((r) => r.authorization === 'token ghs_token')).toBe(true);
  });

  it('keeps a separate comment for another timer', async () => {
    const api = await githubComments('ghs_token', apiUrl);
    await upsertStickyComment(api, pr, 'hourly', 'other', log);
    expect(github.comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- globus-timer-action:nightly -->',
      '<!-- globus-timer-action:hourly -->',
    ]);
  });

  it('warns instead of failing when the token may not comment', async () => {
    github.failWith = 403;
    const api = await githubComments('ghs_token', apiUrl);
    expect(await upsertStickyComment(api, pr, 'nightly', 'x', log)).toBe('failed');
    expect(warnings[0]).toContain('pull-requests: write');
    github.failWith = undefined;
  });
});

/** The environment of a run whose event payload is `event`. */
function eventEnv(event: unknown, name = 'pull_request'): Record<string, string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-event-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'octo/data' };
}

describe('pullRequestOf', () => {
  it('reads the pull request from the event payload', () => {
    const env = eventEnv({ pull_request: { number: 42 } });
    expect(pullRequestOf(env)).toEqual({ owner: 'octo', repo: 'data', number: 42 });
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: 'push' })).toBeUndefined();
  });

  it('reads pull_request_target events, and the number at the top of the payload', () => {
    const env = eventEnv({ number: 9 }, 'pull_request_target');
    expect(pullRequestOf(env)).toEqual({ owner: 'octo', repo: 'data', number: 9 });
  });

  it('prefers the pull request number to the top-level one', () => {
    const env = eventEnv({ number: 9, pull_request: { number: 42 } });
    expect(pullRequestOf(env)).toEqual({ owner: 'octo', repo: 'data', number: 42 });
  });

  it('gives no pull request without an event name, a payload, a number or a repository', () => {
    const env = eventEnv({ pull_request: { number: 42 } });
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: undefined })).toBeUndefined();
    // No payload to read: nothing is read (the path would not exist).
    expect(pullRequestOf({ ...env, GITHUB_EVENT_PATH: undefined })).toBeUndefined();
    expect(pullRequestOf({ ...env, GITHUB_EVENT_PATH: '' })).toBeUndefined();
    expect(pullRequestOf(eventEnv({ pull_request: {} }))).toBeUndefined();
    expect(pullRequestOf({ ...env, GITHUB_REPOSITORY: undefined })).toBeUndefined();
    expect(pullRequestOf({ ...env, GITHUB_REPOSITORY: 'octo' })).toBeUndefined();
    expect(pullRequestOf({ ...env, GITHUB_REPOSITORY: '/data' })).toBeUndefined();
  });
});
