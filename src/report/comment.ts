import { readFileSync } from 'node:fs';
import type { Log } from '../ports.js';
import { clip } from '../redactor.js';
import { plural } from '../words.js';

/** Where a pull request comment goes, read from the runner's environment. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export interface IssueComment {
  id: number;
  body?: string | null;
}

/** The three GitHub calls a sticky comment needs. */
export interface CommentsApi {
  list(pr: PullRequestRef): Promise<IssueComment[]>;
  create(pr: PullRequestRef, body: string): Promise<void>;
  update(pr: PullRequestRef, id: number, body: string): Promise<void>;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The pull request this run is for, or undefined outside pull_request events. */
export function pullRequestOf(env: Record<string, string | undefined>): PullRequestRef | undefined {
  if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
    pull_request?: { number?: number };
    number?: number;
  };
  const number = event.pull_request?.number ?? event.number;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return number && owner && repo ? { owner, repo, number } : undefined;
}

/** The hidden marker that finds this step's comment again: one comment per timer per PR. */
export function markerFor(key: string): string {
  return `<!-- globus-timer-action:${key.replace(/--+/g, '-')} -->`;
}

/**
 * Keeps one comment per key on the pull request: updated in place when the marker is found,
 * created otherwise. A failure is a warning saying why (commenting must not fail a timer
 * operation).
 */
export async function upsertStickyComment(
  api: CommentsApi,
  pr: PullRequestRef,
  key: string,
  markdown: string,
  log: Log,
): Promise<'created' | 'updated' | 'failed'> {
  const marker = markerFor(key);
  const body = fitComment(`${marker}\n${markdown}`);
  try {
    const existing = (await api.list(pr)).find((comment) => comment.body?.includes(marker));
    if (existing) {
      await api.update(pr, existing.id, body);
      log.info(`Updated the pull request comment (#${pr.number})`);
      return 'updated';
    }
    await api.create(pr, body);
    log.info(`Commented on pull request #${pr.number}`);
    return 'created';
  } catch (error) {
    log.warning(`Could not comment on pull request #${pr.number}: ${whyCommentFailed(error, pr)}`);
    return 'failed';
  }
}

/** What octokit's RequestError carries: GitHub's status and answer, when one came. */
interface GitHubError {
  status?: unknown;
  message?: unknown;
  response?: { data?: unknown };
}

/**
 * What GitHub answered — its status and message, the reasons of a 422 in words — and the fix
 * for that answer; or that GitHub could not be reached at all.
 */
function whyCommentFailed(error: unknown, pr: PullRequestRef): string {
  const { status, message, response } = (error ?? {}) as GitHubError;
  const text = typeof message === 'string' ? message : String(error);
  if (typeof status !== 'number' || !response) {
    return `GitHub could not be reached (${withCauses(text, error)}); check GITHUB_API_URL and the runner's network`;
  }
  return `GitHub answered ${status} "${clip(answerOf(response.data) ?? text, 300)}"; ${fixFor(status, pr)}`;
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:443`: a network error and what caused it. */
function withCauses(text: string, error: unknown): string {
  const said = [text];
  let cause = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause && depth < 5; depth++) {
    const { message, cause: deeper } = cause as { message?: unknown; cause?: unknown };
    if (typeof message === 'string' && message && !said.includes(message)) said.push(message);
    cause = deeper;
  }
  return said.join(': ');
}

/** `Validation Failed: body is too long`: the message and its errors' messages, no JSON. */
function answerOf(data: unknown): string | undefined {
  if (typeof data === 'string') return data || undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  if (typeof message !== 'string') return undefined;
  const reasons = (Array.isArray(errors) ? errors : [])
    .map((item) => (typeof item === 'string' ? item : (item as { message?: unknown })?.message))
    .filter((reason): reason is string => typeof reason === 'string' && reason !== '');
  return reasons.length > 0 ? `${message}: ${reasons.join('; ')}` : message;
}

function fixFor(status: number, pr: PullRequestRef): string {
  if (status === 401) return 'github-token is not a valid token';
  if (status === 403) {
    return 'the token may not write comments: give the job permissions: pull-requests: write (a pull request from a fork gets a read-only token)';
  }
  if (status === 404) {
    return `the pull request or the repository ${pr.owner}/${pr.repo} was not found, or github-token cannot see it`;
  }
  if (status === 422) return 'GitHub refused the comment itself';
  if (status === 429) return 'GitHub is rate limiting the token: re-run the job later to comment';
  if (status >= 500) return 'GitHub had a server error: re-run the job to comment';
  return 'the comment was not written';
}

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * The comment cut to what GitHub accepts: whole lines, an open ```diff fence closed, and a last
 * line saying how many lines were left out (a spec file of many large timers can reach it).
 */
export function fitComment(body: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  const lines = body.split('\n');
  const room = limit - 200;
  let kept = 0;
  let length = 0;
  while (kept < lines.length && length + (lines[kept]?.length ?? 0) + 1 <= room) {
    length += (lines[kept]?.length ?? 0) + 1;
    kept += 1;
  }
  const head = lines.slice(0, kept);
  const fences = head.filter((line) => line.startsWith('```')).length;
  const left = lines.length - kept;
  return [
    ...head,
    ...(fences % 2 === 1 ? ['```'] : []),
    '',
    `_… ${plural(left, 'more line', 'more lines')} left out (a GitHub comment holds ${limit} characters); the step's log has the plan of every timer._`,
  ].join('\n');
}
