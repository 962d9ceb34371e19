import { z } from 'zod';
import type { Clock, Log, Sleep } from '../ports.js';
import type { TimerCreateRequest } from '../timer/create-request.js';
import { requiredScopes } from './authorization-requirements.js';
import type { Credentials, TimersConsents } from './credentials.js';
import { GlobusApiError } from './errors.js';
import { backoffMs, type HttpClient, type HttpRequest } from './http.js';
import { isDeleted, newestFirst, toLiveTimer, type LiveTimer } from '../timer/live-timer.js';
import { timerDocumentSchema } from '../timer/timer-document.js';
import { consentWords, timersScopesFor } from './scopes.js';
import { notVisible } from './timer-visibility.js';

/** What a DELETE came to: the timer as its reply shows it, and whether it was gone before. */
export interface Deletion {
  timer?: LiveTimer;
  already: boolean;
}

/** A timer to create: what `POST /v2/timer` takes, and how to know the timer it makes. */
export interface TimerCreation {
  request: TimerCreateRequest;
  /** Whether a timer the client holds is the one this request makes (same name, same spec). */
  isSame(timer: LiveTimer): boolean;
}

export interface ListFilter {
  /** Case-insensitive substring, as the API filters. */
  name?: string;
  status?: readonly string[];
  submittedAfter?: string;
}

export interface TimersDeps {
  http: HttpClient;
  credentials: Credentials;
  log: Log;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  retries: number;
  /** Told of every timer read or written, and of every change Globus accepted. */
  observer?: TimersObserver;
}

/**
 * What the step has seen of one timer so far, for the outputs of a step that fails half-way (a
 * replace whose new timer was made before deleting the old one failed).
 */
export interface TimersObserver {
  /** A timer as Globus answered about it (not the timers of a list). */
  timer(timer: LiveTimer): void;
  /** Globus accepted a write: the step has changed something. */
  changed(): void;
}

/** Result pages followed at most when looking for a timer's newest runs. */
const MAX_RESULT_PAGES = 20;

/** How far our clock and the service's may disagree when asking "created since when?". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Globus Timers: every call the action makes, with its answers parsed. */
export class TimersApi {
  constructor(private readonly deps: TimersDeps) {}

  /**
   * The timer with its newest runs. Results come a page at a time in no specified order
   * (docs/globus-variants.md); when a page lists them oldest first, the newest are on later pages,
   * so those are followed (a bounded number of them).
   */
  async get(jobId: string): Promise<LiveTimer> {
    let timer = await this.page(jobId);
    for (let pages = 1; pages < MAX_RESULT_PAGES; pages++) {
      if (!timer.resultsPageNext || !timer.resultsOldestFirst) break;
      const next = await this.page(jobId, timer.resultsPageNext);
      timer = { ...next, results: newestFirst([...timer.results, ...next.results]) };
    }
    return this.seen(timer);
  }

  private async page(jobId: string, pageToken?: string): Promise<LiveTimer> {
    try {
      const response = await this.call({
        method: 'GET',
        path: jobPath(jobId),
        query: { results_pt: pageToken },
      });
      return toLiveTimer(timerDocumentSchema.parse(response));
    } catch (error) {
      throw notVisible(error, jobId, this.deps.credentials.identity);
    }
  }

  async list(filter: ListFilter = {}): Promise<LiveTimer[]> {
    const response = await this.call({
      method: 'GET',
      path: '/jobs/',
      query: {
        filter_name: filter.name,
        filter_status: filter.status?.length ? filter.status.join(',') : undefined,
        submitted_after: filter.submittedAfter,
        order: 'submitted_at asc',
      },
    });
    const { jobs } = z.looseObject({ jobs: z.array(timerDocumentSchema) }).parse(response);
    return jobs.map(toLiveTimer);
  }

  /** The client's live (not deleted) timers named exactly `name`, oldest first. */
  async withExactName(name: string): Promise<LiveTimer[]> {
    const timers = await this.list({ name });
    return timers.filter((timer) => timer.name === name && !isDeleted(timer));
  }

  /**
   * Creates the timer. A create whose outcome is unknown (no answer, reset, 5xx) is never sent
   * again blindly: first look for a timer with exactly this name and spec submitted since the
   * attempt, and adopt it; only if there is none, send it again. `knownIds` are timers that
   * existed before and must not be mistaken for ours.
   */
  async create(
    creation: TimerCreation,
    consents: TimersConsents,
    knownIds: ReadonlySet<string> = new Set(),
  ): Promise<LiveTimer> {
    const { log, retries, clock } = this.deps;
    const { name } = creation.request.timer;
    for (let attempt = 0; ; attempt++) {
      const since = new Date(clock() - CLOCK_SKEW_MS).toISOString();
      try {
        const response = await this.call(
          { method: 'POST', path: '/v2/timer', json: creation.request, repeatable: false },
          consents,
        );
        const { timer } = z.looseObject({ timer: timerDocumentSchema }).parse(response);
        return this.changed(toLiveTimer(timer));
      } catch (error) {
        if (!(error instanceof GlobusApiError) || !error.outcomeUnknown || attempt >= retries) {
          throw error;
        }
        log.warning(
          `Creating timer "${name}" got no clear answer (${error.status ?? error.code}); looking for it before sending again`,
        );
        const adopted = await this.findCreated(creation, since, knownIds);
        if (adopted) {
          log.info(`The timer was created after all: adopting ${adopted.jobId}`);
          return this.changed(adopted);
        }
        log.info(`No timer "${name}" was created; sending the request again`);
        await this.deps.sleep(backoffMs(attempt, this.deps.random));
      }
    }
  }

  private async findCreated(
    creation: TimerCreation,
    since: string,
    knownIds: ReadonlySet<string>,
  ): Promise<LiveTimer | undefined> {
    const { name } = creation.request.timer;
    const candidates = await this.list({ name, submittedAfter: since });
    return candidates.find(
      (timer) =>
        timer.name === name &&
        !knownIds.has(timer.jobId) &&
        !isDeleted(timer) &&
        creation.isSame(timer),
    );
  }

  /** Renames in place; the timer as it now stands (read again if the reply does not show it). */
  async rename(jobId: string, name: string): Promise<LiveTimer> {
    const response = await this.call({ method: 'PATCH', path: jobPath(jobId), json: { name } });
    const renamed = asTimer(response);
    this.deps.observer?.changed();
    return renamed ? this.seen(renamed) : this.get(jobId);
  }

  /**
   * Deletes, and says whether the timer was gone already. A DELETE sent again after a lost
   * reply may hear 404 or 409 although it worked (docs/globus-variants.md): a timer that is not
   * there, or is already being deleted, counts as deleted — already, unless this step sent it
   * before.
   * A reply showing `deleted` (not `delete_in_progress`, what a fresh delete shows) was about a
   * timer deleted before. A 403 is another client's timer: an error, nothing was deleted.
   */
  async delete(jobId: string): Promise<Deletion> {
    const deletion = await this.sendDelete(jobId);
    if (deletion.timer) this.seen(deletion.timer);
    if (!deletion.already) this.deps.observer?.changed();
    return deletion;
  }

  private async sendDelete(jobId: string): Promise<Deletion> {
    // Sent again here rather than by the HTTP client, to know that an earlier try may have
    // done it: then a "gone" answer is this step's own doing.
    for (let attempt = 0, sent = false; ; attempt++) {
      try {
        const request = { method: 'DELETE' as const, path: jobPath(jobId), repeatable: false };
        const timer = asTimer(await this.call(request));
        return { ...(timer ? { timer } : {}), already: !sent && timer?.status === 'deleted' };
      } catch (error) {
        if (!(error instanceof GlobusApiError)) throw error;
        if (error.outcomeUnknown && attempt < this.deps.retries) {
          sent = true;
          await this.deps.sleep(backoffMs(attempt, this.deps.random));
          continue;
        }
        if (error.status === 404) return { already: !sent };
        if (error.status === 409) return this.afterConflict(jobId, error, sent);
        throw notVisible(error, jobId, this.deps.credentials.identity);
      }
    }
  }

  /**
   * A DELETE answered 409: fine if the timer is being deleted or is deleted — or is gone by now,
   * its deletion finished (a service that no longer shows deleted timers answers 404). A 409
   * about a timer that is still there is the service's refusal, passed on.
   */
  private async afterConflict(
    jobId: string,
    conflict: GlobusApiError,
    sent: boolean,
  ): Promise<Deletion> {
    let timer: LiveTimer;
    try {
      timer = await this.get(jobId);
    } catch (error) {
      if (error instanceof GlobusApiError && error.status === 404) return { already: !sent };
      throw error;
    }
    if (isDeleted(timer)) return { timer, already: !sent };
    throw conflict;
  }

  async pause(jobId: string): Promise<void> {
    await this.call({ method: 'POST', path: `${jobPath(jobId)}/pause` });
    this.deps.observer?.changed();
  }

  /** `update_credentials` goes in the query, as Timers' OpenAPI document specifies. */
  async resume(jobId: string, updateCredentials: boolean): Promise<void> {
    await this.call({
      method: 'POST',
      path: `${jobPath(jobId)}/resume`,
      query: { update_credentials: updateCredentials },
    });
    this.deps.observer?.changed();
  }

  private seen(timer: LiveTimer): LiveTimer {
    this.deps.observer?.timer(timer);
    return timer;
  }

  private changed(timer: LiveTimer): LiveTimer {
    this.deps.observer?.changed();
    return this.seen(timer);
  }

  /**
   * Requests a Timers token that satisfies the scopes a timer says it needs, rebuilt in today's
   * chain, with data_access for `collections` too (for resuming).
   */
  async authorize(scopes: readonly string[], consents?: Partial<TimersConsents>): Promise<void> {
    await this.deps.credentials.timersWithScopes(timersScopesFor(scopes, consents));
  }

  /**
   * One Timers request. When Timers answers with authorization requirements, ask Auth for a
   * token with the scopes it names and try once more.
   */
  private async call(
    request: Omit<HttpRequest, 'service' | 'authorization'>,
    consents: TimersConsents = { dataAccess: [], dependencies: [] },
  ): Promise<unknown> {
    const { http, credentials, log } = this.deps;
    const send = (authorization: string) =>
      http.request({ ...request, service: 'timers', authorization });
    try {
      return (await credentials.sendAuthorized(() => credentials.timers(consents), send)).body;
    } catch (error) {
      const scopes = error instanceof GlobusApiError ? requiredScopes(error.body) : [];
      if (scopes.length === 0 || (error as GlobusApiError).status === undefined) throw error;
      log.info(
        `Globus Timers asks for consent for ${consentWords(scopes).join(' and ')}; asking Globus Auth for it`,
      );
      const wanted = timersScopesFor(scopes, consents);
      const authorization = await credentials.timersWithScopes(wanted);
      return (await send(authorization)).body;
    }
  }
}

/** A reply read as a timer document when it is one; replies that only confirm are not. */
function asTimer(response: unknown): LiveTimer | undefined {
  const parsed = timerDocumentSchema.safeParse(response);
  return parsed.success ? toLiveTimer(parsed.data) : undefined;
}

function jobPath(jobId: string): string {
  return `/jobs/${encodeURIComponent(jobId)}`;
}
