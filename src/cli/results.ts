import type { OutputFormat } from './options.js';

/*
 * The step's outputs on stdout, for people (`name: value`) and for machines: one JSON object,
 * or the KEY=value lines of GitLab's dotenv report. And the exit code.
 */

export const EXIT = {
  success: 0,
  failure: 1,
  /** plan --detailed-exitcode: applying would change something (terraform's meaning of 2). */
  changes: 2,
} as const;

/** 128 + the signal's number, as shells report a process a signal stopped. */
export const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** An output holding JSON (timer, timers, plan): an object or array once parsed, else undefined. */
function jsonValue(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function formatOutputs(
  outputs: ReadonlyMap<string, string>,
  format: OutputFormat,
  dotenvPrefix = 'GLOBUS_TIMER_',
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(jsonOutputs(outputs), null, 2)}\n`;
    case 'dotenv':
      return dotenvLines(outputs, dotenvPrefix);
    case 'text':
      return textLines(outputs);
  }
}

/** Every output set; those holding JSON nested as objects and arrays rather than as strings. */
export function jsonOutputs(outputs: ReadonlyMap<string, string>): Record<string, unknown> {
  return Object.fromEntries([...outputs].map(([name, value]) => [name, jsonValue(value) ?? value]));
}

/** `name: value` for each output with a value, leaving out the JSON ones (see --output json). */
function textLines(outputs: ReadonlyMap<string, string>): string {
  const shown = [...outputs].filter(([, value]) => value !== '' && jsonValue(value) === undefined);
  const pad = Math.max(0, ...shown.map(([name]) => name.length)) + 1;
  return shown.map(([name, value]) => `${`${name}:`.padEnd(pad)} ${value}\n`).join('');
}

/** `job-id` → `GLOBUS_TIMER_JOB_ID`: the prefix, then the name in capitals with `_` for `-`. */
export function dotenvKey(name: string, prefix = 'GLOBUS_TIMER_'): string {
  const key = `${prefix}${name.toUpperCase().replace(/-/g, '_')}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`no dotenv key for output ${name}`);
  return key;
}

/**
 * GitLab's dotenv report (artifacts:reports:dotenv): one KEY=value a line, no blank line, no
 * comment, no quoting; GitLab keeps the value after `=` as it is, trimmed, and accepts up to
 * 5 KB. So: outputs without a value are left out (the variable is then unset), so are the JSON
 * ones (timer, timers, plan: large, and `--output json` has them), and a line break inside a
 * value becomes a space.
 */
function dotenvLines(outputs: ReadonlyMap<string, string>, prefix: string): string {
  return [...outputs]
    .filter(([, value]) => value.trim() !== '' && jsonValue(value) === undefined)
    .map(([name, value]) => `${dotenvKey(name, prefix)}=${value.replace(/[\r\n]+/g, ' ').trim()}\n`)
    .join('');
}

/** Whether a `plan` output (one plan, or a spec file's list) would change anything. */
export function planWouldChange(plan: string | undefined): boolean {
  const parsed = jsonValue(plan ?? '');
  const plans = Array.isArray(parsed) ? parsed : parsed ? [parsed] : [];
  return plans.some((entry) => (entry as { action?: unknown }).action !== 'unchanged');
}

export interface Outcome {
  failed: boolean;
  detailedExitcode: boolean;
  outputs: ReadonlyMap<string, string>;
}

export function exitCodeOf({ failed, detailedExitcode, outputs }: Outcome): number {
  if (failed) return EXIT.failure;
  if (detailedExitcode && planWouldChange(outputs.get('plan'))) return EXIT.changes;
  return EXIT.success;
}
