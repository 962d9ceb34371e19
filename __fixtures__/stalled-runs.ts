import { readFileSync } from 'node:fs';

/** A captured payload of `__fixtures__/stalled-runs/` (its README says where each comes from). */
export function stalledRunFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./stalled-runs/${name}`, import.meta.url), 'utf8')) as T;
}
