/**
 * What the benchmarks share: running a command as the runner runs a step, timing it, and the
 * Node 24 binary (the runtime action.yml declares) from the npm package `node@24`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
}

/** Runs `node args…` with a step's environment (INPUT_* and fresh output files), timed. */
export async function timedStep(
  node: string,
  args: string[],
  env: Record<string, string>,
): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-bench-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const started = performance.now();
  const child = spawn(node, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...files, ...env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  );
  return { milliseconds: performance.now() - started, exitCode, stdout };
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
