import { z } from 'zod';
import type { DateTime } from 'luxon';
import { parseDuration } from './duration.js';
import { isValidZone, parseDateTime } from './datetime.js';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './schedule.js';
import type { FilterRule, SyncLevel } from './transfer-document.js';

/*
 * One zod schema per kind of input value: a raw input string in, a typed value out, and a
 * message that says what is wrong and what is accepted, worded to follow the value itself:
 * the reader (input-reader.ts) writes `interval: "30s" is below the 60-second minimum`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid = z
  .string()
  .regex(UUID, 'must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc')
  .transform((value) => value.toLowerCase());

/** YAML 1.2 core booleans, exactly what core.getBooleanInput accepts. */
export const boolean = z
  .enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], {
    error: 'must be true or false',
  })
  .transform((value) => value.toLowerCase() === 'true');

export const duration = z.string().transform((text, ctx): number => {
  try {
    const seconds = parseDuration(text);
    if (seconds > 0) return seconds;
    ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
  return z.NEVER;
});

export const interval = duration
  .refine((seconds) => seconds >= MIN_INTERVAL_SECONDS, {
    message: `is below the ${MIN_INTERVAL_SECONDS}-second minimum (a Globus Timers limit)`,
    abort: true,
  })
  .refine((seconds) => seconds <= MAX_INTERVAL_SECONDS, {
    message: `is above the ${MAX_INTERVAL_SECONDS / 86400}-day maximum (a Globus Timers limit)`,
  });

/** A whole number within bounds. */
export function integerBetween(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`);
}

export const positiveInteger = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((value) => value >= 1, 'must be 1 or more');

export const timezone = z.string().refine(isValidZone, {
  message: 'is not an IANA time zone (e.g. UTC, Europe/Berlin, America/Chicago)',
});

export function dateTime(zone: string) {
  return z.string().transform((text, ctx): DateTime => {
    try {
      return parseDateTime(text, zone);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}

const SYNC_LEVELS: Record<string, SyncLevel> = {
  exists: 0,
  size: 1,
  mtime: 2,
  checksum: 3,
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
};

export const syncLevel = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine((value) => value in SYNC_LEVELS, 'must be exists, size, mtime or checksum (or 0-3)')
  .transform((value) => SYNC_LEVELS[value] as SyncLevel);

/**
 * Transfer's label rules: up to 128 characters of letters, digits, spaces and `- _ ,`. The API
 * document allows more, but older rules (and perhaps the service at run time) do not, and a
 * label refused at run time would fail every run of the timer (docs/globus-variants.md).
 */
export const label = z
  .string()
  .max(128, 'must be at most 128 characters (Transfer label rules)')
  .refine(
    (value) => /^[A-Za-z0-9 _,-]*$/.test(value),
    'may hold only letters, digits, spaces and - _ , (Transfer label rules)',
  );

/** Multi-line input → its non-blank lines, trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Comma- or newline-separated list → its trimmed, non-empty members. */
export function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function filterRules(include: string, exclude: string): FilterRule[] {
  const rule = (method: 'include' | 'exclude') => (name: string) =>
    ({ DATA_TYPE: 'filter_rule', name, method, type: 'file' }) as FilterRule;
  // Rules apply in order and the first match decides: includes first, so "include *.h5,
  // exclude *" keeps just the HDF5 files.
  return [...lines(include).map(rule('include')), ...lines(exclude).map(rule('exclude'))];
}

export const NOTIFY_EVENTS = ['succeeded', 'failed', 'inactive'] as const;

/** `default` → undefined (Globus's defaults); `none` → all off; a list → exactly those on. */
export const notify = z.string().transform((text, ctx) => {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'default') return undefined;
  const chosen = value === 'none' ? [] : list(value);
  const unknown = chosen.filter((event) => !(NOTIFY_EVENTS as readonly string[]).includes(event));
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${notAmong(chosen, unknown, ['an event', 'events'])}; use default, none, or a list of succeeded, failed, inactive`,
    });
    return z.NEVER;
  }
  return {
    notify_on_succeeded: chosen.includes('succeeded'),
    notify_on_failed: chosen.includes('failed'),
    notify_on_inactive: chosen.includes('inactive'),
  };
});

/**
 * What is wrong with a list whose members `unknown` are not of `kind` (`[an event, events]`),
 * to follow the list as given: `is not an event` when it is the whole list, else `holds
 * sometimes, which is not an event`.
 */
export function notAmong(
  chosen: readonly string[],
  unknown: readonly string[],
  [one, many]: readonly [string, string],
): string {
  if (chosen.length === 1 && unknown.length === 1) return `is not ${one}`;
  return `holds ${unknown.join(', ')}, which ${unknown.length === 1 ? `is not ${one}` : `are not ${many}`}`;
}

/** A comma list drawn from `allowed`, or `none` → []; `kind` names a member in messages. */
export function choiceList<T extends string>(
  allowed: readonly T[],
  kind: readonly [string, string],
  none?: string,
) {
  return z.string().transform((text, ctx): T[] => {
    const chosen = list(text.toLowerCase());
    if (none && chosen.length === 1 && chosen[0] === none) return [];
    const unknown = chosen.filter((value) => !(allowed as readonly string[]).includes(value));
    if (unknown.length > 0) {
      const choices = [...allowed, ...(none ? [none] : [])].join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `${notAmong(chosen, unknown, kind)}; use ${choices}`,
      });
      return z.NEVER;
    }
    return chosen as T[];
  });
}

/** `auto`: look collections up; `none`; or exactly these collection ids. */
export type DataAccess = 'auto' | 'none' | string[];

export const dataAccess = z.string().transform((text, ctx): DataAccess => {
  const value = text.trim().toLowerCase();
  if (value === 'auto' || value === 'none') return value;
  const ids = list(value);
  const bad = ids.filter((id) => !uuid.safeParse(id).success);
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        ids.length === 1
          ? 'is not auto, none or a collection id (a UUID)'
          : `${notAmong(ids, bad, ['a collection id (a UUID)', 'collection ids (UUIDs)'])}; use auto, none or a list of collection ids`,
    });
    return z.NEVER;
  }
  return [...new Set(ids)];
});
