import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { AnnotationPlace, CorePort } from './core-port.js';

/*
 * The GitHub runner's side of the CorePort, spoken directly: inputs from INPUT_* variables,
 * workflow commands on stdout (`::error file=…::message`), outputs and the summary appended to
 * the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name — the protocol @actions/core speaks,
 * without the OIDC client it imports and the HTTP stack that comes with it, which every step
 * would otherwise load and never use (a third of the bundle, most of the start-up).
 */

type Env = Record<string, string | undefined>;
type Write = (text: string) => void;

export function runnerCore(
  env: Env = process.env,
  write: Write = (text) => void process.stdout.write(text),
): CorePort {
  const command = (name: string, message: string, properties: Record<string, unknown> = {}) => {
    const props = Object.entries(properties)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      .join(',');
    write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
  };
  const annotation =
    (level: string) =>
    (message: string, place: AnnotationPlace = {}) =>
      command(level, message, { title: place.title, file: place.file, line: place.startLine });
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput: (name, value) => appendTo(env, 'GITHUB_OUTPUT', keyValue(name, value)),
    setSecret: (secret) => command('add-mask', secret),
    setFailed: (message) => {
      process.exitCode = 1;
      command('error', message);
    },
    debug: (message) => command('debug', message),
    info: (message) => write(`${message}${EOL}`),
    notice: annotation('notice'),
    warning: annotation('warning'),
    error: annotation('error'),
    writeSummary: async (markdown) => appendTo(env, 'GITHUB_STEP_SUMMARY', markdown, ''),
  };
}

/** Appends to the file a runner variable names; without the variable, there is nowhere to. */
function appendTo(env: Env, variable: string, text: string, end = EOL): void {
  const file = env[variable];
  if (file) appendFileSync(file, `${text}${end}`, { encoding: 'utf8' });
}

/** `name<<delimiter` … `delimiter`: a value of any number of lines, as the runner reads it. */
function keyValue(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

/** What a message may not carry raw: the characters that would end or break the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
