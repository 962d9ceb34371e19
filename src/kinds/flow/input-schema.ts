import type { ErrorObject } from 'ajv';

/*
 * A flow's input checked against the flow's own `input_schema` before any write, so a timer
 * whose every run would fail is never created. ajv (with its formats) is loaded only when a
 * flow timer is checked: most steps never need it.
 */

/** One way the input breaks the schema, at a JSON path (`$.items[0].path`). */
export interface SchemaProblem {
  path: string;
  message: string;
}

/** Whether a flow has an input schema to check its input against (`{}` or none: it has not). */
export function hasInputSchema(schema: unknown): schema is Record<string, unknown> {
  return typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0;
}

export async function validateFlowInput(
  schema: unknown,
  input: Record<string, unknown>,
): Promise<SchemaProblem[]> {
  if (!hasInputSchema(schema)) return [];
  const validate = await compile(schema);
  if (validate(input)) return [];
  return (validate.errors ?? []).map(describe);
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
interface Ajv {
  compile(schema: object): Validate;
}
type AjvClass = new (options: { allErrors: boolean; strict: boolean }) => Ajv;

/** The schema compiled by the ajv class for its draft (2020-12, 2019-09, else draft-07). */
async function compile(schema: Record<string, unknown>): Promise<Validate> {
  const draft = String(schema.$schema ?? '');
  const module = draft.includes('2020-12')
    ? await import('ajv/dist/2020.js')
    : draft.includes('2019-09')
      ? await import('ajv/dist/2019.js')
      : await import('ajv');
  const AjvOfDraft = commonJsDefault<AjvClass>(module);
  const addFormats = commonJsDefault<(ajv: Ajv) => void>(await import('ajv-formats'));
  // Flows accepts schemas ajv's strict mode would refuse (unknown keywords); so do we.
  const ajv = new AjvOfDraft({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/**
 * A CommonJS module's export as an ES import sees it: `default` is `module.exports`, which
 * ajv's packages set to the export itself, again under `.default` — the two loaders (Node,
 * the bundler) do not agree which one they hand over.
 */
function commonJsDefault<T>(module: unknown): T {
  const outer = (module as { default?: unknown }).default ?? module;
  return (typeof outer === 'function' ? outer : (outer as { default: unknown }).default) as T;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = jsonPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { path: `${path}.${String(params.missingProperty)}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return {
      path: `${path}.${String(params.additionalProperty)}`,
      message: 'is not a property the flow takes',
    };
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { path, message: `must be one of ${params.allowedValues.map(show).join(', ')}` };
  }
  return { path, message: error.message ?? error.keyword };
}

/** A JSON pointer (`/items/0/path`) as a JSON path (`$.items[0].path`). */
export function jsonPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce(
    (path, part) =>
      /^\d+$/.test(part)
        ? `${path}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `${path}.${part}`
          : `${path}[${JSON.stringify(part)}]`,
    '$',
  );
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
