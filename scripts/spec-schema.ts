/*
 * The JSON Schema of spec files (schema/timers.schema.json), built from the input catalog and
 * action.yml's descriptions so it lists exactly the keys spec-file.ts accepts. Editors use it for
 * completion and validation; the action still validates every value itself, so where a value's
 * grammar is richer than a pattern can say (durations, dates) the patterns err on accepting.
 */
import {
  INPUT_CATALOG,
  SPEC_FILE_KEYS,
  SPEC_FILE_ONLY_KEYS,
  type InputDefinition,
  type ValueKind,
} from '../src/input-catalog.js';
import { oneLine, type ActionYml } from './action-yml.js';

export type JsonSchema = Record<string, unknown>;

export const SCHEMA_PATH = 'schema/timers.schema.json';
export const SCHEMA_URL = `https://raw.githubusercontent.com/globus-timer-action/globus-timer-action/v1/${SCHEMA_PATH}`;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const COMPACT_DURATION =
  '(\\d+\\s*[wW])?\\s*(\\d+\\s*[dD])?\\s*(\\d+\\s*[hH])?\\s*(\\d+\\s*[mM])?\\s*(\\d+\\s*[sS])?';
const DURATION = `^\\s*(\\d+|${COMPACT_DURATION}|[pP][0-9A-Za-z.,]+)\\s*$`;
const DATE_TIME = '^\\s*\\d{4}-\\d{2}-\\d{2}([T ][0-9:.,]+)?(Z|z|[+-]\\d{2}(:?\\d{2})?)?\\s*$';
const BOOLEAN_WORDS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/** `^\s*(a|b)\s*([,\n]\s*(a|b)\s*)*$`: a comma or newline list of these words. */
function listPattern(word: string): string {
  return `^\\s*(${word})\\s*([,\\n]\\s*(${word})\\s*)*$`;
}

const alternatives = (words: readonly string[]) => words.map(escapeRegExp).join('|');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a value of this kind may be in a spec file (YAML scalars or lists). */
export function kindSchema(kind: ValueKind): JsonSchema {
  switch (kind.type) {
    case 'text':
      return {
        type: 'string',
        ...(kind.maxLength ? { maxLength: kind.maxLength } : {}),
        ...(kind.singleLine ? { pattern: '^[^\\r\\n]*$' } : {}),
        ...(kind.pattern ? { pattern: kind.pattern } : {}),
      };
    case 'path':
    case 'time-zone':
      return { type: 'string', minLength: 1 };
    case 'uuid':
      return { type: 'string', pattern: `^\\s*${UUID}\\s*$` };
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, { enum: BOOLEAN_WORDS }] };
    case 'integer':
      // minimum applies to numbers and pattern to strings, so one schema covers `3` and '3'.
      return {
        type: ['integer', 'string'],
        minimum: kind.min,
        ...(kind.max === undefined ? {} : { maximum: kind.max }),
        pattern: '^\\s*\\d+\\s*$',
      };
    case 'duration':
      return {
        type: ['integer', 'string'],
        ...(kind.minSeconds === undefined ? { minimum: 1 } : { minimum: kind.minSeconds }),
        ...(kind.maxSeconds === undefined ? {} : { maximum: kind.maxSeconds }),
        pattern: DURATION,
      };
    case 'date-time':
      return { type: 'string', pattern: DATE_TIME };
    case 'choice':
      return { enum: [...kind.choices, ...(kind.numbers ?? [])] };
    case 'choice-list':
      return listOf({ enum: [...kind.choices] }, alternatives(kind.choices), kind.keywords);
    case 'uuid-list':
      return listOf({ type: 'string', pattern: `^\\s*${UUID}\\s*$` }, UUID, kind.keywords);
    case 'lines':
      return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    case 'items':
      return { anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: ITEM }] };
    case 'json-object':
      return { anyOf: [{ type: 'object' }, { type: 'string', minLength: 1 }] };
  }
}

/** A keyword alone, a comma/newline list in a string, or a YAML list. */
function listOf(member: JsonSchema, word: string, keywords: readonly string[] = []): JsonSchema {
  return {
    anyOf: [
      ...(keywords.length > 0 ? [{ enum: [...keywords] }] : []),
      { type: 'string', pattern: listPattern(word) },
      { type: 'array', minItems: 1, items: member },
    ],
  };
}

/** One transfer item: a CSV line, or the mapping spec-file.ts turns into one. */
const ITEM: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['source', 'destination'],
      additionalProperties: false,
      properties: {
        source: { type: 'string', minLength: 1 },
        destination: { type: 'string', minLength: 1 },
        recursive: { type: 'boolean' },
      },
    },
  ],
};

/** Each spec-file key's value schema, described as action.yml describes the input. */
function timerProperties(action: ActionYml, omit: readonly string[] = []): JsonSchema {
  const catalog = INPUT_CATALOG as Record<string, InputDefinition>;
  const properties: JsonSchema = {};
  for (const key of SPEC_FILE_KEYS) {
    if (omit.includes(key)) continue;
    const kind = catalog[key]?.kind ?? SPEC_FILE_ONLY_KEYS[key];
    if (!kind) throw new Error(`spec-file key ${key} has no kind in the input catalog`);
    const description =
      key === 'previous-name'
        ? 'The name the timer has now: apply renames it in place (same timer id) to `name`.'
        : oneLine(action.inputs[key]?.description);
    properties[key] = { description, ...kindSchema(kind) };
  }
  return properties;
}

/** The whole schema: one timer, or `{timers, defaults, prune-prefix}`. */
export function specFileSchema(action: ActionYml): JsonSchema {
  const timer = (omit: readonly string[]) => ({
    type: 'object',
    additionalProperties: false,
    properties: timerProperties(action, omit),
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    $comment: 'Generated by `npm run docs` from src/input-catalog.ts and action.yml; do not edit.',
    title: 'globus-timer-action spec file',
    description:
      'Timers for the `spec-file` input of apply and plan: one timer, or `timers:` (a list) with optional `defaults:` and `prune-prefix:`.',
    type: 'object',
    if: { required: ['timers'] },
    then: { $ref: '#/definitions/timerList' },
    else: { $ref: '#/definitions/timer' },
    definitions: {
      timerList: {
        type: 'object',
        required: ['timers'],
        additionalProperties: false,
        properties: {
          timers: { type: 'array', minItems: 1, items: { $ref: '#/definitions/timer' } },
          defaults: {
            description:
              'Keys the timers in `timers` inherit, each timer those of its own kind: a flow timer (one with flow-id or another flow input of its own) takes none of the transfer inputs, a transfer timer none of the flow inputs. Not `name` or `previous-name`.',
            ...timer(['name', 'previous-name']),
          },
          'prune-prefix': {
            description:
              "Delete this client's timers whose names start with this prefix and that `timers` no longer lists.",
            type: 'string',
            minLength: 1,
          },
        },
      },
      timer: { ...timer([]), required: ['name'] },
    },
  };
}

/** The file as written: stable key order, two-space indent, a final newline. */
export function schemaText(action: ActionYml): string {
  return `${JSON.stringify(specFileSchema(action), null, 2)}\n`;
}
