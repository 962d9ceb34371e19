import type { Operation, ValueKind } from '../input-catalog.js';
import { INPUTS, OPERATION_NAMES, type FlagInput } from './flags.generated.js';
import { OPERATION_HELP } from './operation-help.js';
import {
  COMMAND_OPTIONS,
  isFlagInput,
  isRepeatable,
  isSwitch,
  type CommandOption,
  type CommandOptionName,
} from './options.js';

/*
 * `--help` and `<operation> --help`, written from the catalog (flags.generated.ts) and the
 * operations' own sentences: a flag appears here because the action has the input, with
 * action.yml's description of it.
 */

export const COMMAND = 'globus-timer-action';

const EXIT_CODES: [code: string, meaning: string][] = [
  ['0', 'success'],
  ['1', 'failure: a bad input or flag, a Globus error, a --fail-on reason'],
  ['2', 'plan --detailed-exitcode: applying would change something'],
  ['130', 'stopped by Ctrl-C (SIGINT); what was in flight is abandoned, the tokens revoked'],
  ['143', 'stopped by SIGTERM (a CI cancelling the job), likewise'],
];

const ENVIRONMENT = [
  'Credentials come from GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET (or --client-id and ' +
    '--client-secret-file); --client-secret is refused. GLOBUS_SDK_ENVIRONMENT and ' +
    'GLOBUS_SDK_SERVICE_URL_AUTH, _TRANSFER, _TIMERS and _FLOWS choose the Globus services; ' +
    'HTTPS_PROXY and NO_PROXY are honoured.',
  'Files (--items-file, --spec-file, --flow-input-file) are read relative to the working ' +
    'directory, which stands for the action’s workspace: a file outside it is refused.',
];

/** `--help`: the operations, the command's own options, where credentials come from, exit codes. */
export function generalHelp(width = 80): string {
  const pad = Math.max(...OPERATION_NAMES.map((name) => name.length)) + 2;
  return [
    `${COMMAND}: Globus Timers from any CI or a terminal`,
    '',
    'Usage:',
    `  ${COMMAND} <operation> [--<input> <value>]...`,
    `  ${COMMAND} <operation> --help`,
    '',
    'Operations:',
    ...OPERATION_NAMES.map((name) =>
      hanging(`  ${name.padEnd(pad)}`, firstSentence(OPERATION_HELP[name].does), width),
    ),
    '',
    ...[
      'Every input of the GitHub Action is a flag of the same name, checked the same way; ' +
        '`<operation> --help` lists the flags an operation reads, with an example.',
      ...ENVIRONMENT,
    ].flatMap((text) => ['', ...wrap(text, width)]),
    '',
    'Options:',
    ...optionLines(Object.keys(COMMAND_OPTIONS) as CommandOptionName[], width),
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([code, meaning]) => hanging(`  ${code.padEnd(5)}`, meaning, width)),
    '',
  ].join('\n');
}

/** `<operation> --help`: what it does, every flag it reads with action.yml's words, an example. */
export function operationHelp(operation: Operation, width = 80): string {
  const { does, example } = OPERATION_HELP[operation];
  const reads = Object.entries(INPUTS).filter(
    ([name, input]) => isFlagInput(name) && readBy(input, operation),
  );
  const options: CommandOptionName[] = [
    'output',
    'summary',
    'client-secret-file',
    ...(operation === 'plan' ? (['detailed-exitcode'] as const) : []),
    'dotenv-prefix',
    'verbose',
  ];
  return [
    `${COMMAND} ${operation}`,
    '',
    ...wrap(does, width),
    '',
    'Usage:',
    `  ${COMMAND} ${operation} [flags]`,
    '',
    `Flags (the action's inputs ${operation} reads, by the same names):`,
    ...flagLines(reads, width),
    '',
    'Options:',
    ...optionLines(options, width),
    '',
    'Example:',
    ...hangingCommand([COMMAND, ...example].map(shellWord), width),
    '',
    `Credentials: GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET. More: ${COMMAND} --help`,
    '',
  ].join('\n');
}

function readBy(input: FlagInput, operation: Operation): boolean {
  return input.operations === 'all' || input.operations.includes(operation);
}

function flagLines(inputs: [string, FlagInput][], width: number): string[] {
  return inputs.flatMap(([name, input]) => {
    const usage = isSwitch(input)
      ? `--${name}, --no-${name}`
      : `--${name} ${placeholder(input.kind)}${isRepeatable(input) ? '  (repeatable)' : ''}`;
    return [`  ${usage}`, ...wrap(input.description, width, '      ')];
  });
}

function optionLines(names: CommandOptionName[], width: number): string[] {
  return names.flatMap((name) => {
    const option: CommandOption = COMMAND_OPTIONS[name];
    const usage = option.value ? `--${name} ${option.value}` : `--${name}`;
    return [`  ${usage}`, ...wrap(option.description, width, '      ')];
  });
}

/** How the value of a flag is shown in its usage line. */
export function placeholder(kind: ValueKind): string {
  switch (kind.type) {
    case 'choice':
      return kind.choices.join('|');
    case 'choice-list':
    case 'uuid-list':
      return kind.keywords ? `LIST|${kind.keywords.join('|')}` : 'LIST';
    case 'path':
      return 'FILE';
    case 'integer':
      return 'N';
    case 'date-time':
      return 'DATE';
    case 'time-zone':
      return 'ZONE';
    case 'json-object':
      return 'JSON';
    case 'lines':
      return 'LINE';
    case 'items':
      return 'ITEM';
    default:
      return kind.type.toUpperCase();
  }
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

/** `text` in lines of at most `width` characters, each starting with `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${word}` : word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}

/** `head` then `text` wrapped, its continuation lines indented to line up after `head`. */
function hanging(head: string, text: string, width: number): string {
  const [first = '', ...rest] = wrap(text, width - head.length);
  return [head + first, ...rest.map((line) => ' '.repeat(head.length) + line)].join('\n');
}

/** A command over several lines, joined with backslashes as a shell reads them. */
function hangingCommand(words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '  ';
  for (const word of words) {
    if (line.trim() && line.length + 1 + word.length > width - 2) {
      lines.push(`${line} \\`);
      line = '      ';
    }
    line += line.trim() ? ` ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** A word as a POSIX shell needs it written: quoted when it holds anything but plain characters. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
