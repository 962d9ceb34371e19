/**
 * Checks a run's input against its flow's input schema, as Flows does before a run starts
 * (`POST /flows/{id}/run`, `validate_run`): the JSON Schema keywords the seeded and added
 * flows use, every problem at once, each located by JSON path (`$.source.path`, `$.files[0]`)
 * and worded as Python's `jsonschema` words it, which is what Flows answers with (the SDK's
 * `validate_run` test data: `'not-a-boolean' is not of type 'boolean'` at `$.bool`).
 * Keywords it does not know (`format`, `description`, …) are ignored, as annotations.
 */
import { isRecord } from './http.js';

export interface InputProblem {
  loc: string[];
  type: 'InvalidActionInput';
  msg: string;
}

type Schema = Record<string, unknown>;

export function inputProblems(schema: Schema, input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  check(schema, input, '$', (path, msg) => {
    problems.push({ loc: [path], type: 'InvalidActionInput', msg });
  });
  return problems;
}

type Report = (path: string, msg: string) => void;

function check(schema: Schema, value: unknown, path: string, report: Report): void {
  if (!matchesType(schema.type, value)) {
    const types = ([] as unknown[]).concat(schema.type).map(pythonRepr).join(', ');
    return report(path, `${pythonRepr(value)} is not of type ${types}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) {
    report(path, `${pythonRepr(value)} is not one of ${pythonRepr(schema.enum)}`);
  }
  if (typeof value === 'string') checkString(schema, value, path, report);
  if (typeof value === 'number') checkNumber(schema, value, path, report);
  if (Array.isArray(value)) checkArray(schema, value, path, report);
  if (isRecord(value)) checkObject(schema, value, path, report);
}

function matchesType(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  const types: unknown[] = Array.isArray(type) ? type : [type];
  return types.some((name) => {
    switch (name) {
      case 'object':
        return isRecord(value);
      case 'array':
        return Array.isArray(value);
      case 'string':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      default:
        return true;
    }
  });
}

function checkString(schema: Schema, value: string, path: string, report: Report): void {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    report(path, `${pythonRepr(value)} is too short`);
  }
}

function checkNumber(schema: Schema, value: number, path: string, report: Report): void {
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    report(path, `${value} is less than the minimum of ${schema.minimum}`);
  }
}

function checkArray(schema: Schema, value: unknown[], path: string, report: Report): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    report(path, `${pythonRepr(value)} is too short`);
  }
  const items = schema.items;
  if (!isRecord(items)) return;
  value.forEach((item, index) => check(items, item, `${path}[${index}]`, report));
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  report: Report,
): void {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) {
    if (typeof key === 'string' && !(key in value)) {
      report(path, `${pythonRepr(key)} is a required property`);
    }
  }
  const extras = Object.keys(value).filter((key) => !Object.hasOwn(properties, key));
  if (schema.additionalProperties === false && extras.length > 0) {
    const verb = extras.length === 1 ? 'was' : 'were';
    const names = extras.map(pythonRepr).join(', ');
    report(path, `Additional properties are not allowed (${names} ${verb} unexpected)`);
  }
  for (const [key, inner] of Object.entries(value)) {
    const propertySchema = properties[key];
    if (isRecord(propertySchema)) check(propertySchema, inner, `${path}.${key}`, report);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A JSON value as Python's `repr` writes it, which `jsonschema`'s messages quote. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const escaped = value.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
    return `${quote}${escaped}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}
