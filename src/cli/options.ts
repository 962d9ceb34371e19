import type { FlagInput } from './flags.generated.js';

/*
 * What the command line adds to the action's inputs, and the few inputs it takes differently.
 * Every other input is a flag of its own name (flags.generated.ts); nothing here repeats one.
 */

export const OUTPUT_FORMATS = ['text', 'json', 'dotenv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** An option of the command itself, not of the action. */
export interface CommandOption {
  /** Placeholder of its value; none for a switch. */
  value?: string;
  description: string;
}

export const COMMAND_OPTIONS = {
  output: {
    value: 'text|json|dotenv',
    description:
      'How the outputs are printed on stdout: text (default; name: value lines), json (one JSON object) or dotenv (KEY=value lines for GitLab CI). Log lines always go to stderr.',
  },
  summary: {
    value: 'FILE',
    description:
      'Write the job summary (Markdown) to FILE. Stands for the action input `summary`: without it no summary is written.',
  },
  'client-secret-file': {
    value: 'FILE',
    description:
      'Read the client secret from FILE (its first line) instead of the GLOBUS_CLIENT_SECRET environment variable.',
  },
  'detailed-exitcode': {
    description:
      'plan only: exit 2 when the plan would change something, 0 when it would change nothing (1 on failure), as terraform plan does.',
  },
  'dotenv-prefix': {
    value: 'PREFIX',
    description:
      'With --output dotenv: the prefix of every key (default GLOBUS_TIMER_), e.g. NIGHTLY_ for NIGHTLY_JOB_ID.',
  },
  verbose: { description: 'Also print debug lines: each request, its status and time.' },
  help: { description: 'Show this help (or, after an operation, that operation’s flags).' },
  version: { description: 'Print the version.' },
} satisfies Record<string, CommandOption>;

export type CommandOptionName = keyof typeof COMMAND_OPTIONS;

/** Why a secret never comes from the command line, and where it comes from instead. */
interface RefusedInput {
  variable: string;
  /** A command option that reads it from a file, if there is one. */
  file?: CommandOptionName;
}

/** Inputs the command line refuses as flags: a secret in an argument is not a secret. */
export const REFUSED_INPUTS: Record<string, RefusedInput> = {
  'client-secret': { variable: 'GLOBUS_CLIENT_SECRET', file: 'client-secret-file' },
  'github-token': { variable: 'GITHUB_TOKEN' },
};

/** Inputs the command takes another way: the operation is its first argument. */
const POSITIONAL_INPUTS = new Set(['operation']);

/** Inputs a command option stands for (`--summary FILE` for `summary`). */
const OPTION_INPUTS = new Set<string>(['summary']);

/** An input given as `--<name>` on the command line. */
export function isFlagInput(name: string): boolean {
  return !(name in REFUSED_INPUTS) && !POSITIONAL_INPUTS.has(name) && !OPTION_INPUTS.has(name);
}

/** A true/false input: `--name` and `--no-name`. */
export function isSwitch(input: FlagInput): boolean {
  return input.kind.type === 'boolean';
}

/** Inputs of several lines or list items: the flag may be repeated, one line or item each. */
export function isRepeatable(input: FlagInput): boolean {
  return ['items', 'lines', 'json-object', 'choice-list', 'uuid-list'].includes(input.kind.type);
}

/** Flags of the retired globus-timer-cli that have another name here. */
export const RETIRED_FLAGS: Record<string, string> = {
  'dest-endpoint': 'is globus-timer-cli’s name; here it is --destination-endpoint',
  item: 'is globus-timer-cli’s name; here it is --items "SOURCE, DESTINATION[, RECURSIVE]", one flag per item',
  'recursive-symlinks': 'has no equivalent: Globus Timers has no such setting',
  all: 'is not needed: list shows every timer of the client',
};
