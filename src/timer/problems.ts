/** One thing wrong with the inputs, named so a user can find and fix it. */
export interface InputProblem {
  /** The action input (or spec-file key) at fault, e.g. `interval` or `items-file`. */
  input: string;
  message: string;
  /** Where the problem sits, for a file annotation: a workspace-relative path and 1-based line. */
  file?: string;
  line?: number;
  /** Where the value came from when not where it is used: `from defaults:` in a spec file. */
  source?: string;
}

/** Raised before any request when the inputs cannot describe a valid operation. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** `interval (line 4): …`; a value from spec-file defaults: `interval (from defaults:, line 3): …`. */
export function formatProblem(problem: InputProblem): string {
  const line = problem.line === undefined ? [] : [`line ${problem.line}`];
  const where = [...(problem.source ? [problem.source] : []), ...line].join(', ');
  return `${problem.input}${where ? ` (${where})` : ''}: ${problem.message}`;
}
