import { z } from 'zod';
import * as fields from './fields.js';
import type { InputReader } from './input-reader.js';
import { readWorkspaceFile } from './workspace-file.js';
import { yamlErrorText } from './yaml-error.js';

/** The inputs that say "this is a flow timer". */
export const FLOW_INPUTS = [
  'flow-id',
  'flow-input',
  'flow-input-file',
  'run-tags',
  'run-managers',
  'run-monitors',
];

/** What the inputs say about a flow timer; undefined = not given. */
export interface FlowFields {
  flowId?: string;
  /** The flow's input (the body of every run it starts), a JSON object. */
  input?: Record<string, unknown>;
  /** Where the input was given, for problems found later (against the flow's schema). */
  inputFrom?: string;
  tags?: string[];
  managers?: string[];
  monitors?: string[];
}

const PRINCIPAL =
  /^urn:globus:(auth:identity|groups:id):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Identities or groups who may manage or monitor the runs: principal URNs. */
const principals = z.string().transform((text, ctx) => {
  const list = fields.list(text);
  const bad = list.filter((item) => !PRINCIPAL.test(item));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${fields.notAmong(list, bad, ['a principal URN', 'principal URNs'])} (use urn:globus:auth:identity:<id> or urn:globus:groups:id:<id>)`,
    });
    return z.NEVER;
  }
  return [...new Set(list)];
});

const tags = z
  .string()
  .transform((text) => [...new Set(fields.list(text))])
  .refine(
    (list) => list.every((tag) => tag.length <= 100),
    'holds a tag over 100 characters (the most a run tag may have)',
  );

/** Reads the flow inputs; bad values become problems in `reader`. */
export async function readFlowFields(reader: InputReader, workspace: string): Promise<FlowFields> {
  const flowId = reader.optional('flow-id', fields.uuid);
  const input = await readFlowInput(reader, workspace);
  const runTags = reader.optional('run-tags', tags);
  const managers = reader.optional('run-managers', principals);
  const monitors = reader.optional('run-monitors', principals);
  return {
    ...(flowId === undefined ? {} : { flowId }),
    ...(input ?? {}),
    ...(runTags === undefined ? {} : { tags: runTags }),
    ...(managers === undefined ? {} : { managers }),
    ...(monitors === undefined ? {} : { monitors }),
  };
}

/** `flow-input` (inline JSON or YAML) or `flow-input-file` (a workspace file of either). */
async function readFlowInput(
  reader: InputReader,
  workspace: string,
): Promise<Pick<FlowFields, 'input' | 'inputFrom'> | undefined> {
  const inline = reader.raw('flow-input');
  const file = reader.raw('flow-input-file');
  if (inline && file) {
    reader.problem('flow-input', 'give flow-input or flow-input-file, not both');
    return undefined;
  }
  if (inline) return parseFlowInput(reader, 'flow-input', inline);
  if (!file) return undefined;
  const read = readWorkspaceFile(file, workspace);
  if ('problem' in read) {
    reader.problem('flow-input-file', read.problem);
    return undefined;
  }
  return parseFlowInput(reader, 'flow-input-file', read.text, file);
}

async function parseFlowInput(
  reader: InputReader,
  name: string,
  text: string,
  file?: string,
): Promise<Pick<FlowFields, 'input' | 'inputFrom'> | undefined> {
  // YAML (which reads JSON too) is loaded only by steps that give a flow input.
  const { parseDocument } = await import('yaml');
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const { message, line } = yamlErrorText(error);
    const where = line === undefined ? '' : ` (line ${line})`;
    reader.problem(name, `not valid JSON or YAML${where}: ${message}`);
    return undefined;
  }
  const value: unknown = document.toJSON();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reader.problem(name, 'must be a JSON object (or a YAML mapping): the flow’s input');
    return undefined;
  }
  return { input: value as Record<string, unknown>, inputFrom: file ?? reader.nameOf(name) };
}
