import type { Operation } from '../input-catalog.js';
import { INPUTS, OPERATION_NAMES, type FlagInput } from './flags.generated.js';
import {
  COMMAND_OPTIONS,
  OUTPUT_FORMATS,
  REFUSED_INPUTS,
  RETIRED_FLAGS,
  isFlagInput,
  isRepeatable,
  isSwitch,
  type CommandOptionName,
  type OutputFormat,
} from './options.js';
import { nearest } from './suggest.js';

/** What the command line asked for, before any input is checked. */
export interface Command {
  operation?: Operation;
  /** Each input given, as the raw text the action would get (repeated flags one a line). */
  inputs: Map<string, string>;
  output: OutputFormat;
  summaryFile?: string;
  clientSecretFile?: string;
  detailedExitcode: boolean;
  dotenvPrefix: string;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export interface ParsedArgs {
  command: Command;
  /** Each a reason the command cannot run, naming the flag. */
  problems: string[];
  warnings: string[];
}

const FLAG_INPUTS = Object.entries(INPUTS).filter(([name]) => isFlagInput(name));
const INPUT_BY_NAME = new Map<string, FlagInput>(FLAG_INPUTS);
const SWITCHES = FLAG_INPUTS.filter(([, input]) => isSwitch(input)).map(([name]) => name);

/** Every flag the command knows, for suggestions. */
const ALL_FLAGS: readonly string[] = [
  ...FLAG_INPUTS.map(([name]) => name),
  ...SWITCHES.map((name) => `no-${name}`),
  ...Object.keys(COMMAND_OPTIONS),
];

/** `globus-timer-action <operation> [--<input> <value>]...`, read from its arguments. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parser = new ArgsParser();
  for (let i = 0; i < argv.length; i++) i += parser.take(argv[i] ?? '', argv[i + 1]);
  return parser.finish();
}

class ArgsParser {
  readonly command: Command = {
    inputs: new Map(),
    output: 'text',
    detailedExitcode: false,
    dotenvPrefix: 'GLOBUS_TIMER_',
    verbose: false,
    help: false,
    version: false,
  };
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private readonly given = new Set<string>();
  /** Arguments that are no flag's value: the first is the operation, the rest are mistakes. */
  private positionals = 0;

  /** Reads one argument (and its value when it needs one); answers how many more it used. */
  take(arg: string, next: string | undefined): number {
    if (arg === '-h') {
      this.option('help', undefined);
      return 0;
    }
    if (!arg.startsWith('-') || arg === '-') {
      this.positional(arg);
      return 0;
    }
    const equals = arg.indexOf('=');
    const name = arg.replace(/^--?/, '').split('=')[0] ?? '';
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const nextIsValue = next !== undefined && !next.startsWith('--');
    if (name in REFUSED_INPUTS) {
      this.refuse(name);
      // The secret itself is skipped — whatever it looks like, unless it is one of our flags —
      // so it is never read as an argument, nor echoed in a message.
      const nextIsFlag =
        next?.startsWith('--') && this.takesValue(flagOnly(next).slice(2)) !== undefined;
      return inline === undefined && next !== undefined && !nextIsFlag ? 1 : 0;
    }
    const takesValue = arg.startsWith('--') ? this.takesValue(name) : undefined;
    if (takesValue === undefined) {
      this.unknown(name, arg.split('=')[0] ?? arg);
      // What follows an unknown flag is most likely its value, not an argument of its own.
      return inline === undefined && nextIsValue && !this.couldBeOperation(next) ? 1 : 0;
    }
    if (!takesValue || inline !== undefined) {
      this.flag(name, inline);
      return 0;
    }
    if (!nextIsValue) {
      this.problems.push(`--${name} needs a value${next ? ` (found ${flagOnly(next)})` : ''}`);
      return 0;
    }
    this.flag(name, next);
    return 1;
  }

  finish(): ParsedArgs {
    const { command } = this;
    if (command.detailedExitcode && command.operation && command.operation !== 'plan') {
      this.problems.push('--detailed-exitcode is for plan only');
    }
    if (command.operation) this.warnUnread(command.operation);
    return { command, problems: this.problems, warnings: this.warnings };
  }

  /** true: a flag with a value; false: a switch; undefined: no such flag. */
  private takesValue(name: string): boolean | undefined {
    const option = (COMMAND_OPTIONS as Record<string, { value?: string }>)[name];
    if (option) return option.value !== undefined;
    const input = INPUT_BY_NAME.get(name);
    if (input) return !isSwitch(input);
    if (name.startsWith('no-') && SWITCHES.includes(name.slice(3))) return false;
    return undefined;
  }

  private flag(name: string, value: string | undefined): void {
    const option = (COMMAND_OPTIONS as Record<string, { value?: string }>)[name];
    if (option && option.value === undefined && value !== undefined) {
      this.problems.push(`--${name} takes no value`);
      return;
    }
    if (option) return this.option(name as CommandOptionName, value);
    const negated = !INPUT_BY_NAME.has(name);
    const input = negated ? name.slice(3) : name;
    if (negated && value !== undefined) {
      this.problems.push(`--${name} takes no value`);
      return;
    }
    const text = negated ? 'false' : (value ?? 'true');
    const earlier = this.command.inputs.get(input);
    if (earlier !== undefined && !isRepeatable(INPUT_BY_NAME.get(input) as FlagInput)) {
      this.problems.push(`--${input} is given more than once`);
      return;
    }
    this.command.inputs.set(input, earlier === undefined ? text : `${earlier}\n${text}`);
  }

  private option(name: CommandOptionName, value: string | undefined): void {
    const { command } = this;
    if (this.given.has(name)) this.problems.push(`--${name} is given more than once`);
    this.given.add(name);
    switch (name) {
      case 'output':
        if ((OUTPUT_FORMATS as readonly string[]).includes(value ?? '')) {
          command.output = value as OutputFormat;
        } else {
          this.problems.push(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
        }
        return;
      case 'summary':
        command.summaryFile = value;
        return;
      case 'client-secret-file':
        command.clientSecretFile = value;
        return;
      case 'dotenv-prefix':
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value ?? '')) command.dotenvPrefix = value ?? '';
        else this.problems.push('--dotenv-prefix: letters, digits and _ only, not first a digit');
        return;
      case 'detailed-exitcode':
        command.detailedExitcode = true;
        return;
      default:
        command[name] = true;
    }
  }

  private couldBeOperation(arg: string | undefined): boolean {
    return !this.command.operation && (OPERATION_NAMES as readonly string[]).includes(arg ?? '');
  }

  private positional(arg: string): void {
    const { command } = this;
    if (arg === 'help' && !command.help) {
      command.help = true;
      return;
    }
    this.positionals += 1;
    if (this.positionals > 1) {
      const hint = /^[0-9a-f-]{36}$/i.test(arg) ? ` (a timer id goes after --job-id)` : '';
      this.problems.push(`unexpected argument "${arg}": values follow their flag${hint}`);
      return;
    }
    if ((OPERATION_NAMES as readonly string[]).includes(arg)) {
      command.operation = arg as Operation;
      return;
    }
    const guess = nearest(arg, OPERATION_NAMES);
    this.problems.push(
      `unknown operation "${arg}"${guess ? `; did you mean ${guess}?` : ''} (operations: ${OPERATION_NAMES.join(', ')})`,
    );
  }

  private refuse(name: string): void {
    const { variable, file } = REFUSED_INPUTS[name] as { variable: string; file?: string };
    this.problems.push(
      `--${name} is refused: a secret on the command line stays in the shell's history and ` +
        `is shown to every user of the machine in the process list. Set ${variable} instead` +
        `${file ? `, or put the secret in a file only you can read and give --${file} FILE` : ''}.`,
    );
  }

  private unknown(name: string, written: string): void {
    if (name.startsWith('no-') && INPUT_BY_NAME.has(name.slice(3))) {
      this.problems.push(`${written}: --${name.slice(3)} is not a true/false flag`);
      return;
    }
    if (name === 'operation') {
      this.problems.push('--operation: give the operation as the first argument, e.g. `check`');
      return;
    }
    const retired = RETIRED_FLAGS[name];
    if (retired) {
      this.problems.push(`--${name} ${retired}`);
      return;
    }
    const guess = nearest(name, ALL_FLAGS);
    this.problems.push(`unknown flag ${written}${guess ? `; did you mean --${guess}?` : ''}`);
  }

  /** A flag the operation does not read is almost always a mistake worth saying, not fatal. */
  private warnUnread(operation: Operation): void {
    for (const name of this.command.inputs.keys()) {
      const { operations } = INPUT_BY_NAME.get(name) as FlagInput;
      if (operations !== 'all' && !operations.includes(operation)) {
        this.warnings.push(
          `--${name} is not read by ${operation} (only by ${operations.join(', ')})`,
        );
      }
    }
  }
}

/** An input's raw value, as the runner would pass it: the flag, else action.yml's default. */
export function commandInputs(
  command: Command,
  env: Record<string, string | undefined>,
  secret: string | undefined,
): (name: string) => string {
  return (name) => {
    switch (name) {
      case 'operation':
        return command.operation ?? '';
      // Empty without --client-secret-file: the action then reads GLOBUS_CLIENT_SECRET itself.
      case 'client-secret':
        return secret ?? '';
      case 'github-token':
        return env.GITHUB_TOKEN ?? '';
      case 'summary':
        return command.summaryFile ? 'true' : 'false';
      default:
        return command.inputs.get(name) ?? INPUTS[name]?.default ?? '';
    }
  };
}

/** The flag part of an argument, so a value written after `=` is never echoed. */
function flagOnly(arg: string): string {
  return arg.split('=')[0] ?? arg;
}
