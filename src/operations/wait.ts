import { willRun, type LiveTimer } from '../timer/live-timer.js';
import { formatDuration } from '../timer/duration.js';
import type { OperationContext, OperationResult, RunReport } from './context.js';
import { judge, lastRun, readTimer } from './check.js';
import { runFinished } from './health.js';
import { followRecent } from './recent-runs.js';

const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 60_000;
/** How long after a timer's next run is due the first look for it is taken. */
const DUE_SLACK_MS = 5_000;
/** A wait says at info level what it is waiting for at least this often. */
const SAY_EVERY_MS = 60_000;
/** The shortest piece a long sleep is cut into (a clock that stands still still ends it). */
const MIN_PIECE_MS = 1_000;

/**
 * wait: until the run the step is waiting for has finished (and what it started — a Transfer
 * task, a Flows run — has settled), then judge it as check does. That run is the one in progress when the step began —
 * a run-once timer created a step earlier is usually already running — or else the first run
 * that starts after the step began. Between looks it sleeps until the next run is due rather
 * than polling through a long gap, and polls with backoff while a run is under way. Gives up at
 * the timeout, saying what it saw last; stops early when the timer can no longer run.
 */
export async function wait(context: OperationContext): Promise<OperationResult> {
  const { log, clock, startedAt, inputs, serviceTime } = context;
  const waitUntil = startedAt + inputs.timeoutSeconds * 1000;
  let timer = await readTimer(context);
  const jobId = timer.jobId;
  log.info(`Waiting up to ${inputs.timeoutSeconds}s for a run of "${timer.name}" (${jobId})`);
  const said = { at: clock() };
  // A run seen under way is the one waited for, also once it has finished.
  let underWay: string | undefined;
  for (let poll = 0; ; poll++) {
    const last = await lastRun(context, timer);
    if (last && !runFinished(last)) underWay = last.run.ranAt;
    const awaited =
      last &&
      (startedSince(last, serviceStart(context)) || !runFinished(last) || sameRun(last, underWay))
        ? last
        : undefined;
    if (awaited && runFinished(awaited)) return conclude(context, timer, awaited);
    if (!awaited && cannotRunAgain(timer)) {
      log.warning(
        `Timer ${jobId} ${timer.ended ? 'has ended' : `is ${timer.status}`}; no new run will come`,
      );
      return conclude(context, timer, last);
    }
    const delay = Math.min(nextLook(poll, timer, awaited, serviceTime()), waitUntil - clock());
    if (delay <= 0) return timedOut(context, timer, awaited ?? last, awaited !== undefined);
    log.debug(`No finished run yet; looking again in ${Math.round(delay / 1000)}s`);
    const current = timer;
    await sleepSaying(context, delay, said, () => waitingFor(context, current, awaited, waitUntil));
    timer = await context.timers.get(jobId);
  }
}

/**
 * The verdict on the run waited for (or the last one seen), with the runs before it followed in
 * one round. A stalled lead is judged now rather than waited for, and the log says so.
 */
async function conclude(
  context: OperationContext,
  timer: LiveTimer,
  report: RunReport | undefined,
): Promise<OperationResult> {
  const lead = report?.lead;
  if (lead?.stalled) {
    context.log.info(
      `${lead.what} ${lead.id} is stalled (${lead.description}): it will not finish soon, so it is judged now instead of waited for`,
    );
  }
  return judge(context, timer, await followRecent(context, timer, report));
}

/**
 * Sleeps `delay` ms in pieces, so that an info line says what the step is waiting for at least
 * once a minute, however long the sleep (a wait for tomorrow's run sleeps for hours).
 */
async function sleepSaying(
  context: OperationContext,
  delay: number,
  said: { at: number },
  what: () => string,
): Promise<void> {
  const { clock, sleep, log, deadline } = context;
  for (let left = delay; left > 0;) {
    // Once the step's time is up (Ctrl-C moves its clock past every deadline), nothing to say.
    if (clock() - said.at >= SAY_EVERY_MS && clock() < deadline) {
      log.info(what());
      said.at = clock();
    }
    const piece = Math.min(left, Math.max(MIN_PIECE_MS, SAY_EVERY_MS - (clock() - said.at)));
    await sleep(piece);
    left -= piece;
  }
}

/** What the step is waiting for, as the info line says it. */
function waitingFor(
  context: OperationContext,
  timer: LiveTimer,
  awaited: RunReport | undefined,
  waitUntil: number,
): string {
  const { clock, serviceTime } = context;
  const left = `${formatDuration(Math.max(0, Math.round((waitUntil - clock()) / 1000)))} left before the timeout`;
  if (awaited) {
    const lead = awaited.lead
      ? ` (${awaited.lead.what} ${awaited.lead.id} ${awaited.lead.status})`
      : '';
    return `Still waiting: the run of "${timer.name}" that started ${awaited.run.ranAt ?? 'earlier'} is in progress${lead}; ${left}`;
  }
  const due = timer.nextRun ? Date.parse(timer.nextRun) - serviceTime() : NaN;
  const when = Number.isNaN(due)
    ? 'Globus has not said when the next is due'
    : due > 0
      ? `the next is due at ${timer.nextRun} (in ${formatDuration(roughSeconds(due))})`
      : `the next was due at ${timer.nextRun}`;
  return `Still waiting for a run of "${timer.name}": ${when}; ${left}`;
}

/** When the step began, on Globus's clock: what the times of its runs are compared with. */
function serviceStart({ startedAt, serviceTime, clock }: OperationContext): number {
  return startedAt + (serviceTime() - clock());
}

/** Seconds to a run, to the minute once it is an hour or more away (`3w2d18h43m`, not `…43m48s`). */
function roughSeconds(milliseconds: number): number {
  const seconds = Math.ceil(milliseconds / 1000);
  return seconds >= 3600 ? Math.floor(seconds / 60) * 60 : seconds;
}

function sameRun(report: RunReport, ranAt: string | undefined): boolean {
  return ranAt !== undefined && report.run.ranAt === ranAt;
}

function startedSince(report: RunReport, startedAt: number): boolean {
  return report.run.ranAt !== undefined && Date.parse(report.run.ranAt) >= startedAt;
}

/**
 * Milliseconds until the next look: with a run under way, backoff polling (2 s growing to a
 * minute); with none, until the timer's next run is due (plus a little slack), however far.
 */
function nextLook(poll: number, timer: LiveTimer, awaited: RunReport | undefined, now: number) {
  const backoff = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 1.5 ** poll);
  const due = timer.nextRun ? Date.parse(timer.nextRun) - now : NaN;
  if (awaited || !(due > backoff)) return backoff;
  return due + DUE_SLACK_MS;
}

async function timedOut(
  context: OperationContext,
  timer: LiveTimer,
  report: RunReport | undefined,
  underWay: boolean,
): Promise<OperationResult> {
  const { inputs } = context;
  const seen =
    underWay && report
      ? `a run started at ${report.run.ranAt} is still in progress${report.lead ? ` (${report.lead.what} ${report.lead.id} ${report.lead.status})` : ''}`
      : `no run has started since ${new Date(serviceStart(context)).toISOString()} (next run: ${timer.nextRun ?? 'none scheduled'})`;
  const result = judge(context, timer, await followRecent(context, timer, report));
  return {
    ...result,
    failures: [`timeout: waited ${inputs.timeoutSeconds}s; ${seen}`, ...result.failures],
  };
}

function cannotRunAgain(timer: LiveTimer): boolean {
  return !willRun(timer) || (!timer.nextRun && timer.status !== 'new');
}
