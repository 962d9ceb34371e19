/**
 * A 100,000-line items file through the bundle: a `plan` step reads, parses and validates every
 * line and sets the timer it would create against what Globus holds, in a child process whose
 * peak resident set size a preloaded probe reports. (An `apply` would send the ~10 MB of items
 * in one create, more than the emulator accepts in a body.)
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../emulator/index.js';
import { median, timedStep } from './measure.js';
import { TIMER, stepEnv, succeeded } from './operations.js';
import { kilobytes, megabytes, milliseconds, verdictBelow } from './report.js';

export interface ItemsFileRun {
  lines: number;
  bytes: number;
  /** Median over the runs, ms. */
  milliseconds: number;
  /** Median CPU time (user + system), ms: less swayed than wall time by a loaded machine. */
  cpuMs: number;
  /** The highest peak over the runs, kB. */
  peakRssKb: number;
}

export async function measureItemsFile(
  emulator: Emulator,
  node: string,
  lines: number,
  runs: number,
): Promise<ItemsFileRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-bench-items-'));
  const file = join(workspace, 'items.csv');
  const text = Array.from(
    { length: lines },
    (_, i) => `/data/run-${i}/part.dat, /backup/run-${i}/part.dat, false`,
  );
  writeFileSync(file, `${text.join('\n')}\n`);
  emulator.reset();
  emulator.configure({ latency_ms: 0 });
  const { items: _items, ...timer } = TIMER;
  const env = stepEnv(
    emulator,
    { ...timer, operation: 'plan', 'items-file': 'items.csv' },
    { GITHUB_WORKSPACE: workspace },
  );
  const times: number[] = [];
  const cpu: number[] = [];
  let peakRssKb = 0;
  for (let run = 0; run < runs; run += 1) {
    const timed = await timedStep(node, ['dist/index.js'], env, { usage: true });
    succeeded('items file', timed);
    if (!timed.stdout.includes('would create')) throw new Error('the plan did not plan a create');
    times.push(timed.milliseconds);
    cpu.push(timed.cpuMs ?? NaN);
    peakRssKb = Math.max(peakRssKb, timed.peakRssKb ?? 0);
  }
  return {
    lines,
    bytes: statSync(file).size,
    milliseconds: median(times),
    cpuMs: median(cpu),
    peakRssKb,
  };
}

/** The items-file rows of the bench's table: the 100,000-line run against its targets. */
export function itemsRows(items: ItemsFileRun, oneItem: ItemsFileRun, runs: number): string[][] {
  return [
    [
      `items file, ${items.lines.toLocaleString('en')} lines (${kilobytes(items.bytes)}), \`plan\`: time (median of ${runs})`,
      milliseconds(items.milliseconds),
      '< 1 s',
      verdictBelow(items.milliseconds / 1000, 1, ' s'),
    ],
    [
      'the same `plan` with a one-line items file: time, CPU time, peak RSS',
      `${milliseconds(oneItem.milliseconds)}, ${milliseconds(oneItem.cpuMs)}, ${megabytes(oneItem.peakRssKb)}`,
      '',
      '',
    ],
    ['items file: CPU time (user + system)', milliseconds(items.cpuMs), '', ''],
    [
      'items file: peak RSS',
      megabytes(items.peakRssKb),
      '< 200 MB',
      verdictBelow(Math.round(items.peakRssKb / 1024), 200, ' MB'),
    ],
  ];
}
