/*
 * A tiny interpreter for exactly the part of the GitHub Actions workflow syntax that
 * .github/workflows/self-test.yml uses, so the test suite runs that workflow's steps through
 * dist/index.js — as the runner would — before GitHub does. It knows:
 *
 * - top-level `name`, `on`, `permissions` (ignored) and `jobs` holding one job;
 * - the job's `env`; `runs-on` and `timeout-minutes` are ignored;
 * - steps with `id`, `name`, `if: failure()` or `if: always()`, and one of
 *   - `uses: ./` with `with:`: runs dist/index.js with those inputs and action.yml's defaults
 *     for the rest (a default written as an expression, `${{ github.token }}`, becomes empty);
 *   - `uses: actions/checkout@…` or `actions/setup-node@…`: skipped (the test runs in a
 *     checkout, on the Node it has);
 *   - `run:` with `env:`: the script in bash (`-eo pipefail`, as `shell: bash` does), with
 *     GITHUB_ENV and GITHUB_OUTPUT files read back afterwards;
 * - the expressions `${{ steps.<id>.outputs.<name> }}` and `${{ env.<NAME> }}`.
 *
 * Anything else throws, so the workflow cannot drift into syntax this proof does not cover.
 * Steps may be replaced by id: the test starts the emulator in-process instead of in the
 * background, and does not run `npm ci` in the working tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readActionYml } from './action-yml.js';
import { parseOutputFile, runAction } from './action-runner.js';

export interface StepResult {
  id?: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  log: string;
}

export interface WorkflowRun {
  ok: boolean;
  steps: StepResult[];
}

export interface InterpreterOptions {
  /** The repository checkout: the working directory and GITHUB_WORKSPACE. */
  workspace: string;
  /** Steps carried out differently, by id: each returns what it adds to the job's env. */
  replace?: Record<string, () => Promise<Record<string, string>>>;
}

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, unknown>;
}

const KEYS = {
  workflow: ['name', 'on', 'permissions', 'jobs'],
  job: ['runs-on', 'timeout-minutes', 'env', 'steps'],
  step: ['id', 'name', 'if', 'uses', 'with', 'run', 'env'],
};
const SKIPPED_ACTIONS = /^actions\/(checkout|setup-node)@/;

/** Throws when `node` holds a key outside the subset. */
function onlyKeys(node: object, allowed: string[], where: string): void {
  const unknown = Object.keys(node).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Error(`${where}: unsupported ${unknown.join(', ')}`);
}

export async function runWorkflow(text: string, options: InterpreterOptions): Promise<WorkflowRun> {
  const workflow = parse(text) as { jobs?: Record<string, Record<string, unknown>> };
  onlyKeys(workflow, KEYS.workflow, 'workflow');
  const jobs = Object.entries(workflow.jobs ?? {});
  const [only] = jobs;
  if (jobs.length !== 1 || !only) throw new Error('workflow: exactly one job is supported');
  const [jobName, job] = only;
  onlyKeys(job, KEYS.job, `job ${jobName}`);
  const steps = (job.steps ?? []) as Step[];
  // Everything is checked before the first step runs: unknown syntax fails the whole run.
  steps.forEach((step, i) => checkStep(step, `step ${i + 1}`));
  checkExpressions(job.env);
  const state = new JobState(options);
  Object.assign(state.env, state.evaluateAll(job.env as Record<string, unknown> | undefined));
  const results: StepResult[] = [];
  for (const step of steps) results.push(await runStep(step, state, options));
  return { ok: !state.failed, steps: results };
}

function checkStep(step: Step, where: string): void {
  onlyKeys(step, KEYS.step, where);
  if (step.if !== undefined && !CONDITIONS.includes(step.if)) {
    throw new Error(`${where}: unsupported if: ${step.if}`);
  }
  const uses = step.uses;
  if (uses !== undefined && uses !== './' && !SKIPPED_ACTIONS.test(uses)) {
    throw new Error(`${where}: unsupported uses: ${uses}`);
  }
  if ((uses === undefined) === (step.run === undefined)) {
    throw new Error(`${where}: needs exactly one of uses and run`);
  }
  checkExpressions(step);
}

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;
const SUPPORTED = /^(steps\.[\w-]+\.outputs\.[\w-]+|env\.\w+)$/;

/** Throws on any expression, anywhere in `node`, that evaluate() does not know. */
function checkExpressions(node: unknown): void {
  if (typeof node === 'string') {
    for (const [, expression = ''] of node.matchAll(EXPRESSION)) {
      if (!SUPPORTED.test(expression))
        throw new Error(`unsupported expression \${{ ${expression} }}`);
    }
  } else if (typeof node === 'object' && node !== null) {
    for (const value of Object.values(node)) checkExpressions(value);
  }
}

/** What the steps so far have left: env (job env plus GITHUB_ENV), outputs, a failure. */
class JobState {
  env: Record<string, string> = {};
  outputs: Record<string, Record<string, string>> = {};
  failed = false;

  constructor(readonly options: InterpreterOptions) {}

  /** Substitutes the supported expressions (checkExpressions has refused any other). */
  evaluate(text: string): string {
    return text.replace(EXPRESSION, (_, expression: string) => {
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return this.outputs[output[1] ?? '']?.[output[2] ?? ''] ?? '';
      const env = /^env\.(\w+)$/.exec(expression);
      if (env) return this.env[env[1] ?? ''] ?? '';
      throw new Error(`unsupported expression \${{ ${expression} }}`);
    });
  }

  evaluateAll(values: Record<string, unknown> = {}): Record<string, string> {
    return Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, this.evaluate(String(value))]),
    );
  }
}

async function runStep(step: Step, state: JobState, options: InterpreterOptions) {
  const name = state.evaluate(step.name ?? step.uses ?? step.run?.split('\n')[0] ?? '');
  const result = (outcome: StepResult['outcome'], log = '', outputs = {}): StepResult => ({
    ...(step.id ? { id: step.id } : {}),
    name,
    outcome,
    outputs,
    log,
  });
  if (!shouldRun(step.if, state.failed)) return result('skipped', `if: ${step.if}`);
  const replacement = step.id ? options.replace?.[step.id] : undefined;
  let outcome: StepResult;
  if (replacement) {
    Object.assign(state.env, await replacement());
    outcome = result('success', 'replaced locally');
  } else if (step.uses !== undefined && SKIPPED_ACTIONS.test(step.uses)) {
    outcome = result('skipped', 'not needed locally');
  } else if (step.uses === './') {
    outcome = await useThisAction(step, state, options, result);
  } else {
    outcome = runScript(step, state, options, result);
  }
  if (step.id) state.outputs[step.id] = outcome.outputs;
  if (outcome.outcome === 'failure') state.failed = true;
  return outcome;
}

const CONDITIONS = ['failure()', 'always()'];

function shouldRun(condition: string | undefined, failed: boolean): boolean {
  if (condition === undefined) return !failed;
  return condition === 'always()' || failed;
}

type MakeResult = (
  outcome: StepResult['outcome'],
  log?: string,
  outputs?: Record<string, string>,
) => StepResult;

async function useThisAction(
  step: Step,
  state: JobState,
  options: InterpreterOptions,
  result: MakeResult,
): Promise<StepResult> {
  const inputs = { ...actionDefaults(), ...state.evaluateAll(step.with) };
  const run = await runAction(inputs, state.env, { workspace: options.workspace });
  return result(run.exitCode === 0 ? 'success' : 'failure', run.stdout + run.stderr, run.outputs);
}

/** Inputs as the runner passes them when a step leaves them out. */
function actionDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(readActionYml().inputs)) {
    const value = input.default ?? '';
    defaults[name] = value.includes('${{') ? '' : value;
  }
  return defaults;
}

function runScript(
  step: Step,
  state: JobState,
  options: InterpreterOptions,
  result: MakeResult,
): StepResult {
  const dir = mkdtempSync(join(tmpdir(), 'gta-step-'));
  const files = { script: join(dir, 'step.sh'), env: join(dir, 'env'), output: join(dir, 'out') };
  writeFileSync(files.script, state.evaluate(step.run ?? ''));
  writeFileSync(files.env, '');
  writeFileSync(files.output, '');
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
    cwd: options.workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      ...state.env,
      ...state.evaluateAll(step.env),
      GITHUB_ENV: files.env,
      GITHUB_OUTPUT: files.output,
      GITHUB_WORKSPACE: options.workspace,
    },
  });
  Object.assign(state.env, parseOutputFile(readFileSync(files.env, 'utf8')));
  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'));
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  return result(run.status === 0 ? 'success' : 'failure', log, outputs);
}
