/**
 * One step of `npm run live`: the action run once with some inputs, as the live run sees it —
 * its exit code, outputs, the requests it made (its debug lines) and the errors it reported.
 * `distStepRunner` runs dist/index.js as the GitHub runner does; tests give their own runner.
 */
import { runAction, type ActionRun } from './action-runner.js';
import { readActionYml } from './action-yml.js';

export interface StepRun {
  exitCode: number;
  outputs: Record<string, string>;
  /** The step's debug lines; one per request: `METHOD URL: status (… ms)`. */
  debug: string[];
  /** What the step reported as errors (its failure message last). */
  errors: string[];
}

export type RunStep = (inputs: Record<string, string>) => Promise<StepRun>;

/** `METHOD URL: status` in a debug line of the action's HTTP client (src/globus/http.ts). */
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE) (\S+): (\S+)/;

export interface RequestSeen {
  method: string;
  url: string;
  status: string;
}

/** The requests a step made, from its debug lines. */
export function requestsOf(run: StepRun): RequestSeen[] {
  return run.debug.flatMap((line) => {
    const [, method = '', url = '', status = ''] = REQUEST_LINE.exec(line) ?? [];
    return method ? [{ method, url, status }] : [];
  });
}

/**
 * Runs dist/index.js as the runner does: action.yml's defaults for the inputs not given (the
 * runner fills them in; an expression such as `${{ github.token }}` is left out, as no
 * workflow is there to evaluate it), INPUT_* variables, real output and summary files.
 */
export function distStepRunner(
  credentials: Record<string, string>,
  env: Record<string, string>,
): RunStep {
  const defaults = Object.fromEntries(
    Object.entries(readActionYml().inputs).flatMap(([name, input]) =>
      input.default === undefined || input.default.includes('${{') ? [] : [[name, input.default]],
    ),
  );
  return async (inputs) =>
    fromRunner(await runAction({ ...defaults, ...credentials, ...inputs }, env));
}

/** A step as the runner's stdout shows it: `::debug::` and `::error::` workflow commands. */
export function fromRunner(run: ActionRun): StepRun {
  const commands = (name: string) =>
    [...run.stdout.matchAll(new RegExp(`^::${name}(?: .*?)?::(.*)$`, 'gm'))].map(([, text]) =>
      unescapeCommand(text ?? ''),
    );
  return {
    exitCode: run.exitCode,
    outputs: run.outputs,
    debug: commands('debug'),
    errors: [...new Set(commands('error'))],
  };
}

/** Undoes @actions/core's escaping of a command's message (`%25`, `%0D`, `%0A`). */
function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
