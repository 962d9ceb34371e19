/** One thing wrong with the inputs, named so a user can find and fix it. */
export interface InputProblem {
  /** The action input (or spec-file key) at fault, e.g. `interval` or `items-file`. */
  input: string;
  message: string;
  /** Where the problem sits, for a file annotation: a workspace-relative path and 1-based line. */
  file?: string;
  line?: number;
}

/** Raised before any request when the inputs cannot describe a valid operation. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(problem: InputProblem): string {
  const where = problem.line === undefined ? '' : ` (line ${problem.line})`;
  return `${problem.input}${where}: ${problem.message}`;
}
