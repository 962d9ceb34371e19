/**
 * The depth of a client's request sequence: how many rounds of requests it waited for. Two
 * requests are in the same round when one arrived before the other was answered; a request
 * that arrived after another was answered may have waited for it. Latency multiplies with the
 * depth, not with the number of requests, so performance tests count rounds.
 */
import type { LoggedRequest } from './request-log.js';

export type TimedRequest = Pick<LoggedRequest, 'received_ms' | 'answered_ms'>;

/**
 * The length of the longest chain of requests in which each arrived after the one before it
 * was answered; 0 for no requests. A request never answered ends any chain it is in.
 */
export function requestDepth(entries: readonly TimedRequest[]): number {
  const byArrival = [...entries].sort((a, b) => a.received_ms - b.received_ms);
  const depths: number[] = [];
  byArrival.forEach((entry, index) => {
    let longestBefore = 0;
    for (let earlier = 0; earlier < index; earlier += 1) {
      const answered = byArrival[earlier]?.answered_ms ?? null;
      if (answered !== null && answered <= entry.received_ms) {
        longestBefore = Math.max(longestBefore, depths[earlier] ?? 0);
      }
    }
    depths.push(longestBefore + 1);
  });
  return Math.max(0, ...depths);
}
