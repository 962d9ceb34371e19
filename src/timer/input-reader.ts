import type { z } from 'zod';
import type { ItemsSource } from './items.js';
import type { InputProblem } from './problems.js';
import { quoted } from '../words.js';

/** Inputs whose values are never repeated, nor any value holding one of theirs. */
const SECRET_INPUTS = ['client-secret', 'github-token'];

/** Where a set of values comes from, so problems can point at it. */
export interface ValuePlace {
  /** How problems name a value: `interval`, or `timer "ci/logs" (line 12), interval` in a spec file. */
  nameOf?: (name: string) => string;
  /** Where a value came from when not from where it is used (`from defaults:`). */
  sourceOf?: (name: string) => string | undefined;
  /** The file the values are written in (a spec file), for annotations. */
  file?: string;
  /** The line a value starts on in that file. */
  lineOf?: (name: string) => number | undefined;
  /** The file line of line `n` (1-based) of a multi-line value. */
  lineWithin?: (name: string, n: number) => number | undefined;
}

/**
 * Reads named raw values (action inputs, or one spec-file entry) through zod schemas and keeps
 * one problem per bad value, each naming where it came from and repeating the value given.
 */
export class InputReader {
  readonly problems: InputProblem[] = [];

  constructor(
    private readonly source: (name: string) => string,
    private readonly place: ValuePlace = {},
  ) {}

  raw(name: string): string {
    return this.source(name).trim();
  }

  /** The parsed value, or undefined when the value is empty or bad (then a problem is kept). */
  optional<T>(name: string, schema: z.ZodType<T, string>): T | undefined {
    const value = this.raw(name);
    if (value === '') return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.valueProblem(name, issue.message);
    return undefined;
  }

  /** Like optional, but an empty value is a problem too. */
  required<T>(name: string, schema: z.ZodType<T, string>, hint = 'required'): T | undefined {
    if (this.raw(name) === '') {
      this.problem(name, hint);
      return undefined;
    }
    return this.optional(name, schema);
  }

  /**
   * A value found wrong: `message` says what is wrong with it and follows the value as given,
   * quoted and cut short (`"30s" is below the 60-second minimum`) — or `the value given`, never
   * a secret, for a secret input or a value holding one.
   */
  valueProblem(name: string, message: string): void {
    this.problem(name, `${this.shown(name)} ${message}`);
  }

  private shown(name: string): string {
    const value = this.raw(name);
    const secrets = SECRET_INPUTS.map((input) => this.raw(input)).filter((s) => s.length >= 4);
    const secret = SECRET_INPUTS.includes(name) || secrets.some((s) => value.includes(s));
    return secret ? 'the value given' : quoted(value);
  }

  problem(name: string, message: string): void {
    const line = this.place.lineOf?.(name);
    const source = this.place.sourceOf?.(name);
    this.problems.push({
      input: this.nameOf(name),
      message,
      ...(this.place.file ? { file: this.place.file } : {}),
      ...(line === undefined ? {} : { line }),
      ...(source ? { source } : {}),
    });
  }

  add(problems: InputProblem[]): void {
    this.problems.push(...problems);
  }

  nameOf(name: string): string {
    return this.place.nameOf?.(name) ?? name;
  }

  /** Where the lines of the multi-line value `name` (items) sit, for parseItems. */
  itemsSource(name: string): ItemsSource {
    const { file, lineWithin } = this.place;
    const source = this.place.sourceOf?.(name);
    return {
      input: this.nameOf(name),
      ...(file ? { file } : {}),
      ...(source ? { source } : {}),
      ...(lineWithin ? { lineOf: (n: number) => lineWithin(name, n) ?? n } : {}),
    };
  }
}
