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
  /** With `usage`: peak resident set size (kB) and CPU time, user and system (ms). */
  peakRssKb?: number;
  cpuMs?: number;
}

const USAGE_PROBE = new URL('./usage-probe.mjs', import.meta.url).href;

/**
 * Runs `node args…` with a step's environment (INPUT_* and fresh output files), timed; with
 * `usage`, a preloaded probe also reports the child's peak resident set size and CPU time.
 */
export async function timedStep(
  node: string,
  args: string[],
  env: Record<string, string>,
  options: { usage?: boolean } = {},
): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-bench-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const usageFile = join(dir, 'usage.json');
  const probe = options.usage
    ? { args: ['--import', USAGE_PROBE], env: { BENCH_USAGE_FILE: usageFile } }
    : { args: [], env: {} };
  const started = performance.now();
  const child = spawn(node, [...probe.args, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      // A runner's RUNNER_TEMP, empty: the action's compile cache starts empty, as in a job's
      // first step (a step given a RUNNER_TEMP an earlier step used is a later step).
      RUNNER_TEMP: dir,
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
  if (!options.usage) return { milliseconds, exitCode, stdout };
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Record<string, number>;
  const cpuMs = ((usage.userCPUTime ?? NaN) + (usage.systemCPUTime ?? NaN)) / 1000;
  return { milliseconds, exitCode, stdout, peakRssKb: usage.maxRSS ?? NaN, cpuMs };
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
