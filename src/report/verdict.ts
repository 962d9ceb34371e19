import type { CorePort } from '../core-port.js';
import { GlobusApiError } from '../globus/errors.js';
import type { Operation } from '../inputs.js';
import type { OperationResult } from '../operations/context.js';
import { InputError, formatProblem } from '../timer/problems.js';
import { hintFor } from './hints.js';
import { outputsOf } from './outputs.js';
import { summaryMarkdown } from './summary.js';

/** Outputs, summary and — when a fail-on reason holds — the failure, for a finished operation. */
export async function report(
  core: CorePort,
  result: OperationResult,
  appUrl: string,
  summary: boolean,
): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(result, appUrl))) {
    core.setOutput(name, value);
  }
  if (summary) await core.writeSummary(summaryMarkdown(result, appUrl));
  // One annotation holding every reason, one a line: each reason once, nothing repeated.
  if (result.failures.length > 0) core.setFailed(result.failures.join('\n'));
}

/**
 * One annotation per problem (on the file and line when there is one), then the verdict.
 * "Nothing was sent" is said only when it is true: some problems show only once Globus has
 * been read (a timer that `update` would turn into something invalid).
 */
export function failOnInputs(core: CorePort, error: InputError, requestsSent: number): void {
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
  core.setFailed(`${headline}:\n${error.problems.map((p) => `- ${formatProblem(p)}`).join('\n')}`);
}

export interface FailureContext {
  operation: Operation;
  summary: boolean;
  identity: string;
  requestsSent: number;
}

/** An operation that threw: one failure line with the usual fix, and the same in the summary. */
export async function failOnError(
  core: CorePort,
  error: unknown,
  context: FailureContext,
): Promise<void> {
  if (error instanceof InputError) return failOnInputs(core, error, context.requestsSent);
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof GlobusApiError ? hintFor(error, context.identity) : undefined;
  if (context.summary) {
    await core.writeSummary(
      `### Globus timer: ${context.operation} → failed\n\n${message}${hint ? `\n\n${hint}` : ''}\n`,
    );
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(hint ? `${message}\n${hint}` : message);
}
