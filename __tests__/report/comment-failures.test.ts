import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { upsertStickyComment } from '../../src/report/comment.js';
import { githubComments } from '../../src/report/github-comments.js';
import type { Log } from '../../src/ports.js';
import { GitHubApiStandIn } from '../../__fixtures__/github-api.js';

/*
 * A pull-request comment that fails says why — what GitHub answered, its status and message,
 * and the fix for that answer — through octokit over real HTTP, as on a runner. Not always
 * "permissions": a 404, a 422, a 5xx and no answer at all each say their own cause.
 */

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
const DOCS = 'https://docs.github.com/rest/issues/comments';

beforeAll(async () => {
  apiUrl = await github.start();
});
afterAll(() => github.stop());
beforeEach(() => {
  warnings.length = 0;
  github.failWith = undefined;
});

async function failing(status: number, body: unknown): Promise<string> {
  github.failWith = status;
  github.failBody = body;
  const api = await githubComments('ghs_token', apiUrl);
  expect(await upsertStickyComment(api, pr, 'nightly', 'x', log)).toBe('failed');
  expect(warnings).toHaveLength(1);
  return warnings[0] ?? '';
}

describe('a comment GitHub refuses says what GitHub answered, and the fix for it', () => {
  it('403 Resource not accessible: the permission the job needs', async () => {
    const warning = await failing(403, {
      message: 'Resource not accessible by integration',
      documentation_url: DOCS,
    });
    expect(warning).toBe(
      'Could not comment on pull request #7: GitHub answered 403 "Resource not accessible by integration"; the token may not write comments: give the job permissions: pull-requests: write (a pull request from a fork gets a read-only token)',
    );
  });

  it('401: the token itself', async () => {
    const warning = await failing(401, { message: 'Bad credentials', documentation_url: DOCS });
    expect(warning).toBe(
      'Could not comment on pull request #7: GitHub answered 401 "Bad credentials"; github-token is not a valid token',
    );
  });

  it('404: the pull request or repository, not permissions', async () => {
    const warning = await failing(404, { message: 'Not Found', documentation_url: DOCS });
    expect(warning).toBe(
      'Could not comment on pull request #7: GitHub answered 404 "Not Found"; the pull request or the repository octo/data was not found, or github-token cannot see it',
    );
    expect(warning).not.toContain('permissions:');
  });

  it('422: the comment refused, its reasons in words, not JSON', async () => {
    const warning = await failing(422, {
      message: 'Validation Failed',
      errors: [
        { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long' },
      ],
      documentation_url: DOCS,
    });
    expect(warning).toBe(
      'Could not comment on pull request #7: GitHub answered 422 "Validation Failed: body is too long"; GitHub refused the comment itself',
    );
  });

  it('a 5xx: GitHub’s trouble, not the job’s', async () => {
    const warning = await failing(502, { message: 'Server Error' });
    expect(warning).toBe(
      'Could not comment on pull request #7: GitHub answered 502 "Server Error"; GitHub had a server error: re-run the job to comment',
    );
  });

  it('no answer at all: GitHub could not be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const api = await githubComments('ghs_token', `http://127.0.0.1:${port}`);
    expect(await upsertStickyComment(api, pr, 'nightly', 'x', log)).toBe('failed');
    expect(warnings[0]).toMatch(
      /^Could not comment on pull request #7: GitHub could not be reached \(.*ECONNREFUSED.*\); check GITHUB_API_URL and the runner's network$/,
    );
  });
});
