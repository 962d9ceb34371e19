/**
 * The flows every emulator starts with, one of each kind a client of flow timers has to tell
 * apart: a flow that wants input, one that wants none, one whose input schema nests (so input
 * validation can be tested by JSON path), and one the demo client may not see. The ids never
 * change; `f1…` flows are public, the `f9…` flow is someone else's and private.
 */
import type { FlowRecord } from './flow-record.js';

/** What a flow is to its callers: who may see it, and the input it takes. */
export interface FlowSummary {
  id: string;
  title: string;
  /** `public`: every caller sees it. `private`: only its owner does. */
  visibility: 'public' | 'private';
  /** The identity that owns the flow: a client id, or someone outside the emulator. */
  owner_id: string;
}

/** The identity that wrote the public seeded flows; no client of the emulator is it. */
export const FLOW_AUTHOR_ID = 'f1a00000-0000-4000-8000-0000000000a1';
/** Owner of the private seeded flow; no client of the emulator is it either. */
export const STRANGER_ID = 'f9a00000-0000-4000-8000-0000000000a9';

export const SEEDED_FLOWS = {
  /** Echoes its input; needs a string `echo_string` (the official CLI's recorded input). */
  echo: {
    id: 'f1000000-0000-4000-8000-00000000f001',
    title: 'Emulator Echo Flow',
    visibility: 'public',
    owner_id: FLOW_AUTHOR_ID,
  },
  /** Takes no input: its schema accepts `{}` and nothing else. */
  noInput: {
    id: 'f1000000-0000-4000-8000-00000000f002',
    title: 'Emulator No-Input Flow',
    visibility: 'public',
    owner_id: FLOW_AUTHOR_ID,
  },
  /** Nested input: objects, required keys, an array and an enum. */
  pipeline: {
    id: 'f1000000-0000-4000-8000-00000000f003',
    title: 'Emulator Pipeline Flow',
    visibility: 'public',
    owner_id: FLOW_AUTHOR_ID,
  },
  /** Someone else's private flow: the demo client can neither see it nor run it. */
  hidden: {
    id: 'f9000000-0000-4000-8000-00000000f009',
    title: 'Emulator Private Flow',
    visibility: 'private',
    owner_id: STRANGER_ID,
  },
} as const satisfies Record<string, FlowSummary>;

export type SeededFlowKey = keyof typeof SEEDED_FLOWS;

type Schema = Record<string, unknown>;

const location: Schema = {
  type: 'object',
  required: ['collection_id', 'path'],
  additionalProperties: false,
  properties: {
    collection_id: { type: 'string', format: 'uuid' },
    path: { type: 'string', minLength: 1 },
  },
};

/** Input schemas by seeded flow: JSON Schema, as Flows keeps them. */
export const SEEDED_INPUT_SCHEMAS: Record<SeededFlowKey, Schema> = {
  echo: {
    type: 'object',
    required: ['echo_string'],
    additionalProperties: false,
    properties: {
      echo_string: { type: 'string', description: 'The text to echo' },
      sleep: { type: 'integer', minimum: 0 },
    },
  },
  noInput: { type: 'object', additionalProperties: false, properties: {} },
  pipeline: {
    type: 'object',
    required: ['source', 'destination', 'files'],
    additionalProperties: false,
    properties: {
      source: location,
      destination: location,
      files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      checksum: { type: 'string', enum: ['none', 'md5', 'sha256'] },
      notify: { type: 'boolean' },
    },
  },
  hidden: { type: 'object', properties: {} },
};

/** One Action state calling an action provider, ending the flow. */
function singleAction(state: string, actionUrl: string, parameters: Schema): Schema {
  return {
    StartAt: state,
    States: {
      [state]: {
        Type: 'Action',
        ActionUrl: actionUrl,
        Parameters: parameters,
        ResultPath: `$.${state}Result`,
        End: true,
      },
    },
  };
}

/** Small state machines in the Flows definition language; nothing executes them. */
export const SEEDED_DEFINITIONS: Record<SeededFlowKey, Schema> = {
  echo: singleAction('Echo', 'https://actions.globus.org/hello_world', {
    'echo_string.$': '$.echo_string',
  }),
  noInput: {
    StartAt: 'Done',
    States: { Done: { Type: 'Pass', End: true } },
  },
  pipeline: {
    StartAt: 'Transfer',
    States: {
      Transfer: {
        Type: 'Action',
        ActionUrl: 'https://transfer.actions.globus.org/transfer',
        Parameters: {
          'source_endpoint.$': '$.source.collection_id',
          'destination_endpoint.$': '$.destination.collection_id',
          'DATA.$': '$.files',
        },
        ResultPath: '$.TransferResult',
        Next: 'Notify',
      },
      Notify: { Type: 'Pass', End: true },
    },
  },
  hidden: singleAction('Secret', 'https://actions.globus.org/hello_world', {
    echo_string: 'private',
  }),
};

/** When the seeded flows were "created": before any virtual clock a test is likely to start. */
const SEEDED_AT = Date.parse('2026-01-15T12:00:00Z');

/** The seeded flows as Flows keeps them, fresh copies each call. */
export function seededFlowRecords(): FlowRecord[] {
  return (Object.keys(SEEDED_FLOWS) as SeededFlowKey[]).map((key) => {
    const { id, title, visibility, owner_id } = SEEDED_FLOWS[key];
    return {
      id,
      title,
      subtitle: '',
      description: `An emulated flow (${key})`,
      keywords: ['emulator', key],
      definition: structuredClone(SEEDED_DEFINITIONS[key]),
      inputSchema: structuredClone(SEEDED_INPUT_SCHEMAS[key]),
      ownerId: owner_id,
      visibility,
      createdAt: SEEDED_AT,
    };
  });
}
