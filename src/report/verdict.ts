import type { CorePort } from '../core-port.js';
import { GlobusApiError } from '../globus/errors.js';
import type { Operation } from '../inputs.js';
import type { OperationResult } from '../operations/context.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { InputError, formatProblem } from '../timer/problems.js';
import { hintFor } from './hints.js';
import { outputsOf, type StepOutcome } from './outputs.js';
import { summaryMarkdown } from './summary.js';

/** Outputs, summary and — when a fail-on reason holds — the failure, for a finished operation. */
export async function report(
  core: CorePort,
  result: OperationResult,
  appUrl: string,
  summary: boolean,
): Promise<void> {
  setOutputs(core, result, appUrl);
  if (summary) await core.writeSummary(summaryMarkdown(result, appUrl));
  // One annotation holding every reason, one a line: each reason once, nothing repeated.
  if (result.failures.length > 0) core.setFailed(result.failures.join('\n'));
}

function setOutputs(core: CorePort, result: StepOutcome, appUrl: string): void {
  for (const [name, value] of Object.entries(outputsOf(result, appUrl))) {
    core.setOutput(name, value);
  }
}

/** What a step that failed half-way still knows: the timer it last saw, whether it wrote. */
export interface StepSoFar {
  timer?: LiveTimer;
  changed: boolean;
  /** The timer id the step was given, for the job-id output when no timer was read. */
  jobId?: string | undefined;
}

/**
 * A failed step still sets every output: `result=failed`, and what it knew of its timer (a
 * workflow's `if: failure()` step can still name the timer, or the new one a replace made).
 */
function setFailedOutputs(core: CorePort, step: StepSoFar, appUrl: string): void {
  const { timer, changed, jobId } = step;
  setOutputs(
    core,
    { result: 'failed', changed, ...(timer ? { timer } : {}), failures: [] },
    appUrl,
  );
  if (!timer && jobId) core.setOutput('job-id', jobId);
}

/** How a step that stopped on bad inputs reports: outputs, summary, annotations, failure. */
export interface InputFailure {
  /** As the step was asked for it (the input itself may be the bad one). */
  operation: string;
  requestsSent: number;
  summary: boolean;
}

/**
 * One annotation per problem (on the file and line when there is one), then the verdict.
 * "Nothing was sent" is said only when it is true: some problems show only once Globus has
 * been read (a timer that `update` would turn into something invalid).
 */
export async function failOnInputs(
  core: CorePort,
  error: InputError,
  failure: InputFailure,
): Promise<void> {
  const { operation, requestsSent, summary } = failure;
  // Nothing was written, and no timer is known: every output empty but the result.
  setFailedOutputs(core, { changed: false }, '');
  for (const problem of error.problems) {
    if (problem.file) {
      core.error(formatProblem(problem), {
        // In a spec file the input is `timer "ci/logs" (line 12), interval`: the title is the key.
        title: `Invalid ${problem.input.slice(problem.input.lastIndexOf(', ') + 1).trim()}`,
        file: problem.file,
        ...(problem.line === undefined ? {} : { startLine: problem.line }),
      });
    }
  }
  const headline =
    requestsSent === 0
      ? 'Invalid inputs; nothing was sent to Globus'
      : 'Invalid inputs; nothing was changed in Globus';
  const problems = error.problems.map((p) => `- ${formatProblem(p)}`).join('\n');
  if (summary) {
    await core.writeSummary(
      `### Globus timer: ${operation} → failed\n\n${headline}:\n\n${problems}\n`,
    );
  }
  core.setFailed(`${headline}:\n${problems}`);
}

export interface FailureContext extends StepSoFar {
  operation: Operation;
  summary: boolean;
  identity: string;
  requestsSent: number;
  appUrl: string;
}

/** An operation that threw: one failure line with the usual fix, and the same in the summary. */
export async function failOnError(
  core: CorePort,
  error: unknown,
  context: FailureContext,
): Promise<void> {
  if (error instanceof InputError) return failOnInputs(core, error, context);
  setFailedOutputs(core, context, context.appUrl);
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof GlobusApiError
      ? hintFor(error, context.identity, context.operation)
      : undefined;
  if (context.summary) {
    await core.writeSummary(
      `### Globus timer: ${context.operation} → failed\n\n${message}${hint ? `\n\n${hint}` : ''}\n`,
    );
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(hint ? `${message}\n${hint}` : message);
}
