import { joinUrl } from '../globus/environments.js';

/*
 * Web-app links (REFERENCE §8). No source shows a per-timer page; the web app lists timers at
 * /activity/timers and this follows that path with the timer id.
 */

export function timerUrl(appUrl: string, jobId: string): string {
  return joinUrl(appUrl, `/activity/timers/${jobId}`);
}

export function taskUrl(appUrl: string, taskId: string): string {
  return joinUrl(appUrl, `/activity/${taskId}/overview`);
}
