/**
 * The bookkeeping of one `npm run live`: every step it ran and whether it went as it must,
 * the timers it made and has not deleted yet (so nothing is left behind), and every request
 * that went anywhere but the service URLs the environment names (which fails the run).
 */
import type { ServiceUrls } from '../src/globus/environments.js';
import { recordStep, type StepRecord } from './live-report.js';
import { requestsOf, type RunStep, type StepRun } from './live-steps.js';

/** What a step must show to count as a step that went as it must. */
export interface Expectation {
  /** Its exit code; default 0. */
  exit?: number;
  /** Outputs it must set to exactly these values. */
  outputs?: Record<string, string>;
  /** Anything more, as the problem when it does not hold. */
  also?: (run: StepRun) => string | undefined;
}

export interface SessionDeps {
  runStep: RunStep;
  log: (line: string) => void;
}

export class LiveSession {
  readonly records: StepRecord[] = [];
  /** Timers this run made and has not seen deleted: job id → name. */
  readonly undeleted = new Map<string, string>();
  /** Requests that went outside the service URLs, as `METHOD URL`. */
  readonly strayRequests: string[] = [];
  /** What went wrong besides the steps (a probe that could not ask, a crash). */
  readonly otherFailures: string[] = [];
  readonly #bases: string[];

  constructor(
    urls: ServiceUrls,
    private readonly deps: SessionDeps,
  ) {
    const { auth, transfer, timers, flows } = urls;
    this.#bases = [auth, transfer, timers, flows].map((base) => `${base.replace(/\/+$/, '')}/`);
  }

  /** Runs the action once, records the step and judges it; answers what it did. */
  async step(title: string, inputs: Record<string, string>, expect: Expectation = {}) {
    this.deps.log(`live: ${title}`);
    const run = await this.deps.runStep(inputs);
    for (const { method, url } of requestsOf(run)) this.saw(method, url);
    const problem = this.problemOf(run, expect);
    const record = recordStep(title, run, problem);
    this.records.push(record);
    this.track(inputs, run);
    const verdict = problem ? `FAILED: ${problem.replaceAll('\n', '\n    ')}` : 'ok';
    this.deps.log(`live: ${title} → ${verdict}`);
    return { run, record };
  }

  /** Notes a request the run made; one outside the service URLs makes the run fail. */
  saw(method: string, url: string): void {
    if (!this.#bases.some((base) => url.startsWith(base))) {
      this.strayRequests.push(`${method} ${url}`);
    }
  }

  /** Every step that did not go as it must, as `step: why`. */
  failures(): string[] {
    const steps = this.records.flatMap((r) => (r.problem ? [`${r.step}: ${r.problem}`] : []));
    const stray = this.strayRequests.map(
      (request) => `a request outside the service URLs: ${request}`,
    );
    return [...steps, ...stray, ...this.otherFailures];
  }

  private problemOf(run: StepRun, expect: Expectation): string | undefined {
    const exit = expect.exit ?? 0;
    if (run.exitCode !== exit) {
      const said = run.errors.at(-1);
      return `it exited ${run.exitCode}, not ${exit}${said ? `: ${said}` : ''}`;
    }
    const wrong = Object.entries(expect.outputs ?? {}).filter(
      ([name, value]) => run.outputs[name] !== value,
    );
    if (wrong.length > 0) {
      return wrong
        .map(([name, value]) => `${name} is "${run.outputs[name] ?? ''}", not "${value}"`)
        .join('; ');
    }
    return expect.also?.(run);
  }

  /** A timer made is owed a delete until a delete of it succeeds. */
  private track(inputs: Record<string, string>, run: StepRun): void {
    const operation = inputs.operation ?? 'apply';
    const jobId = run.outputs['job-id'] || inputs['job-id'];
    if (!jobId) return;
    if (['apply', 'create', 'update'].includes(operation)) {
      this.undeleted.set(jobId, inputs.name ?? jobId);
    }
    if (operation === 'delete' && run.exitCode === 0) this.undeleted.delete(jobId);
  }
}
