import { joinUrl } from '../globus/environments.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { kindOf } from '../kinds/index.js';

/*
 * Web-app links (docs/globus-variants.md). No source shows a per-timer page; the web app lists
 * timers at /activity/timers and this follows that path with the timer id.
 */

export function timerUrl(appUrl: string, jobId: string): string {
  return joinUrl(appUrl, `/activity/timers/${jobId}`);
}

/** The page of what a timer's run started, known only by id: a Transfer task or a Flows run. */
export function leadPath(timer: Pick<LiveTimer, 'kind'>, id: string): string {
  return kindOf(timer).leadPath(id);
}
