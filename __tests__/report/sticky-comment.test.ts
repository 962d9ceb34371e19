import { describe, expect, it } from '@jest/globals';
import {
  markerFor,
  upsertStickyComment,
  type CommentsApi,
  type IssueComment,
} from '../../src/report/comment.js';
import type { Log } from '../../src/ports.js';

/* The sticky pull-request comment against a recording CommentsApi: which call, which body, which log. */

const pr = { owner: 'octo', repo: 'data', number: 7 };

function recording(comments: IssueComment[], failure?: Error) {
  const calls: unknown[][] = [];
  const api: CommentsApi = {
    list: async (ref) => {
      calls.push(['list', ref]);
      if (failure) throw failure;
      return comments;
    },
    create: async (ref, body) => {
      calls.push(['create', ref, body]);
    },
    update: async (ref, id, body) => {
      calls.push(['update', ref, id, body]);
    },
  };
  const lines: string[] = [];
  const log: Log = {
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
  };
  return { api, calls, log, lines };
}

describe('markerFor', () => {
  it('hides the key in an HTML comment', () => {
    expect(markerFor('timers/nightly.yml')).toBe('<!-- globus-timer-action:timers/nightly.yml -->');
  });

  it('squeezes every run of dashes to one, which an HTML comment cannot hold', () => {
    expect(markerFor('a-b--c---d')).toBe('<!-- globus-timer-action:a-b-c-d -->');
  });
});

describe('upsertStickyComment', () => {
  it('creates the comment, marker first, when the pull request has none', async () => {
    const world = recording([{ id: 1, body: 'LGTM' }]);
    expect(await upsertStickyComment(world.api, pr, 'nightly', '### done', world.log)).toBe(
      'created',
    );
    expect(world.calls).toEqual([
      ['list', pr],
      ['create', pr, '<!-- globus-timer-action:nightly -->\n### done'],
    ]);
    expect(world.lines).toEqual(['info: Commented on pull request #7']);
  });

  it("updates this key's comment in place, past comments without a body or of other keys", async () => {
    const world = recording([
      { id: 1, body: null },
      { id: 2 },
      { id: 3, body: '<!-- globus-timer-action:nightly-2 -->\nother' },
      { id: 4, body: '<!-- globus-timer-action:nightly -->\nold' },
    ]);
    expect(await upsertStickyComment(world.api, pr, 'nightly', 'new', world.log)).toBe('updated');
    expect(world.calls).toEqual([
      ['list', pr],
      ['update', pr, 4, '<!-- globus-timer-action:nightly -->\nnew'],
    ]);
    expect(world.lines).toEqual(['info: Updated the pull request comment (#7)']);
  });

  it('warns with what GitHub answered and the permission the job needs, instead of failing the step', async () => {
    // As octokit's RequestError carries GitHub's answer.
    const refused = Object.assign(
      new Error('Resource not accessible by integration - https://docs'),
      {
        status: 403,
        response: { data: { message: 'Resource not accessible by integration' } },
      },
    );
    const world = recording([], refused);
    expect(await upsertStickyComment(world.api, pr, 'nightly', 'x', world.log)).toBe('failed');
    expect(world.lines).toEqual([
      'warning: Could not comment on pull request #7: GitHub answered 403 "Resource not accessible by integration"; the token may not write comments: give the job permissions: pull-requests: write (a pull request from a fork gets a read-only token)',
    ]);
  });

  it('says an error that is not GitHub’s answer came before any answer', async () => {
    const world = recording([], new Error('getaddrinfo ENOTFOUND api.github.com'));
    await upsertStickyComment(world.api, pr, 'nightly', 'x', world.log);
    expect(world.lines).toEqual([
      "warning: Could not comment on pull request #7: GitHub could not be reached (getaddrinfo ENOTFOUND api.github.com); check GITHUB_API_URL and the runner's network",
    ]);
  });
});
