/**
 * What the benchmarks share: running a command as the runner runs a step, timing it, and the
 * Node 24 binary (the runtime action.yml declares) from the npm package `node@24`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Node 24 binary, fetched once by npx and then run directly (npx itself is slow). */
export function node24(): string {
  return execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], {
    encoding: 'utf8',
  }).trim();
}

export interface Timed {
  milliseconds: number;
  exitCode: number;
  stdout: string;
  /** Peak resident set size in kB, when asked for. */
  peakRssKb?: number;
}

const PEAK_RSS_PROBE = new URL('./peak-rss.mjs', import.meta.url).href;

/**
 * Runs `node args…` with a step's environment (INPUT_* and fresh output files), timed; with
 * `peakRss`, a preloaded probe also reports the child's peak resident set size.
 */
export async function timedStep(
  node: string,
  args: string[],
  env: Record<string, string>,
  options: { peakRss?: boolean } = {},
): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-bench-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const rssFile = join(dir, 'peak-rss');
  const probe = options.peakRss
    ? { args: ['--import', PEAK_RSS_PROBE], env: { BENCH_PEAK_RSS_FILE: rssFile } }
    : { args: [], env: {} };
  const started = performance.now();
  const child = spawn(node, [...probe.args, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      ...files,
      ...probe.env,
      ...env,
    },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  );
  const milliseconds = performance.now() - started;
  if (!options.peakRss) return { milliseconds, exitCode, stdout };
  return { milliseconds, exitCode, stdout, peakRssKb: Number(readFileSync(rssFile, 'utf8')) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The inputs as the runner passes them: INPUT_<NAME>. */
export function inputsEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
}
