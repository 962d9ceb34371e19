/**
 * Flows added through the control API (`POST /_emulator/flows`, `addFlow()`), besides the
 * seeded ones: a test that needs a flow of its own shape, or one its own client owns, says
 * what it wants and gets a flow Flows, Auth and Timers all know.
 */
import { isRecord } from './http.js';
import { newUuid } from './ids.js';
import type { FlowRecord } from './flow-record.js';

/** What a test says about the flow it wants; everything but the title has a default. */
export interface FlowSpec {
  /** Default: a new random id. */
  id?: string;
  title: string;
  /** JSON Schema for the input of its runs; default `{"type": "object"}` (anything). */
  input_schema?: Record<string, unknown>;
  /** The Flows definition; default one Pass state. */
  definition?: Record<string, unknown>;
  /** Default `public`: every caller sees and runs it. */
  visibility?: 'public' | 'private';
  /** The client id (or any identity id) that owns it; default an identity outside the emulator. */
  owner?: string;
}

export class InvalidFlowError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOMEONE_ELSE = 'f8a00000-0000-4000-8000-0000000000a8';

function problemsOf(spec: FlowSpec): string[] {
  const rules: [broken: boolean, problem: string][] = [
    [
      spec.id !== undefined && !(typeof spec.id === 'string' && UUID.test(spec.id)),
      'id must be a UUID',
    ],
    [typeof spec.title !== 'string' || spec.title === '', 'title must be a non-empty string'],
    [
      spec.input_schema !== undefined && !isRecord(spec.input_schema),
      'input_schema must be an object',
    ],
    [spec.definition !== undefined && !isRecord(spec.definition), 'definition must be an object'],
    [
      spec.visibility !== undefined && !['public', 'private'].includes(spec.visibility),
      'visibility must be public or private',
    ],
    [
      spec.owner !== undefined && (typeof spec.owner !== 'string' || spec.owner === ''),
      'owner must be a non-empty string',
    ],
  ];
  return rules.filter(([broken]) => broken).map(([, problem]) => problem);
}

/** The flow record a spec asks for, or InvalidFlowError naming every problem at once. */
export function flowFromSpec(spec: FlowSpec, now: number): FlowRecord {
  const problems = isRecord(spec) ? problemsOf(spec) : ['the flow must be an object'];
  if (problems.length > 0) throw new InvalidFlowError(problems.join('; '));
  return {
    id: (spec.id ?? newUuid()).toLowerCase(),
    title: spec.title,
    subtitle: '',
    description: 'A flow added through the emulator control API',
    keywords: ['emulator'],
    definition: spec.definition ?? {
      StartAt: 'Done',
      States: { Done: { Type: 'Pass', End: true } },
    },
    inputSchema: spec.input_schema ?? { type: 'object' },
    ownerId: spec.owner ?? SOMEONE_ELSE,
    visibility: spec.visibility ?? 'public',
    createdAt: now,
  };
}
