import type { z } from 'zod';
import type { InputProblem } from './problems.js';

/**
 * Reads named raw values (action inputs, or one spec-file entry) through zod schemas and keeps
 * one problem per bad value, each naming where it came from.
 */
export class InputReader {
  readonly problems: InputProblem[] = [];

  constructor(
    private readonly source: (name: string) => string,
    /** How problems name a value: `interval`, or `timers[2].interval` in a spec file. */
    private readonly nameOf: (name: string) => string = (name) => name,
    /** The file problems point at (a spec file), if any. */
    private readonly file?: string,
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
    for (const issue of result.error.issues) this.problem(name, issue.message);
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

  problem(name: string, message: string, line?: number): void {
    this.problems.push({
      input: this.nameOf(name),
      message,
      ...(this.file ? { file: this.file } : {}),
      ...(line === undefined ? {} : { line }),
    });
  }

  add(problems: InputProblem[]): void {
    this.problems.push(...problems);
  }
}
