import module from 'node:module';
import { isAbsolute, join } from 'node:path';
import { isWithin } from './paths.js';

type Env = Record<string, string | undefined>;

/**
 * Turns on Node's on-disk compile cache (Node ≥ 22.1) before the bundle is loaded: the first
 * step of a job compiles the bundle and leaves V8's code cache behind, and every later step of
 * the job that runs the action skips most of that compiling. An optimisation only: on older
 * Node, or if the cache cannot be used, nothing happens and the step runs as it would anyway.
 */
export function startCompileCache(env: Env = process.env): void {
  try {
    const { enableCompileCache } = module as {
      enableCompileCache?: (directory?: string) => unknown;
    };
    if (typeof enableCompileCache !== 'function') return;
    const directory = compileCacheDirectory(env);
    if (directory) enableCompileCache(directory);
    else enableCompileCache();
  } catch {
    // Never a reason to fail a step.
  }
}

/**
 * The runner's temporary directory (RUNNER_TEMP, emptied after each job), else Node's default
 * (under the system's temporary directory): never inside the workspace, whatever RUNNER_TEMP says.
 */
export function compileCacheDirectory(env: Env): string | undefined {
  const temp = env.RUNNER_TEMP;
  if (!temp || !isAbsolute(temp)) return undefined;
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace && isWithin(temp, workspace)) return undefined;
  return join(temp, 'globus-timer-action-compile-cache');
}
