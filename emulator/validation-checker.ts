/**
 * The pydantic-style checker the Timers validators share: it collects every problem as a
 * `{loc, msg, type}` item (FastAPI answers them all at once in a 422) instead of stopping at
 * the first, and each check answers the value it accepted or undefined.
 */
import { isRecord } from './http.js';
import { parseZonedDatetime } from './time.js';

export type Loc = (string | number)[];

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export interface ValidationIssue {
  loc: Loc;
  msg: string;
  type: string;
}

/** Collects problems; each check returns the value it accepted, or undefined. */
export class Checker {
  readonly issues: ValidationIssue[] = [];

  add(loc: Loc, msg: string, type: string): undefined {
    this.issues.push({ loc, msg, type });
    return undefined;
  }

  /** An object with only the allowed keys. */
  object(
    value: unknown,
    loc: Loc,
    allowed: readonly string[],
  ): Record<string, unknown> | undefined {
    if (!isRecord(value)) return this.add(loc, 'value is not a valid dict', 'type_error.dict');
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add([...loc, key], 'extra fields not permitted', 'value_error.extra');
      }
    }
    return value;
  }

  /**
   * The field's value when present. A missing required field is reported; `null` counts as
   * absent for optional fields and is refused for required ones.
   */
  field(object: Record<string, unknown>, key: string, loc: Loc, required: boolean): unknown {
    const value = object[key];
    if (value === undefined) {
      if (required) this.add([...loc, key], 'field required', 'value_error.missing');
      return undefined;
    }
    if (value === null && required) {
      return this.add([...loc, key], 'none is not an allowed value', 'type_error.none.not_allowed');
    }
    return value ?? undefined;
  }

  string(value: unknown, loc: Loc): string | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : this.add(loc, 'str type expected', 'type_error.str');
  }

  /** A UUID in its canonical form: pydantic accepts any case, with or without hyphens. */
  uuid(value: unknown, loc: Loc): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !UUID.test(value)) {
      return this.add(loc, 'value is not a valid uuid', 'type_error.uuid');
    }
    const hex = value.replaceAll('-', '').toLowerCase();
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ].join('-');
  }

  /** A JSON object of any keys. */
  dict(value: unknown, loc: Loc): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    return isRecord(value) ? value : this.add(loc, 'value is not a valid dict', 'type_error.dict');
  }

  boolean(value: unknown, loc: Loc): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    return this.add(loc, 'value could not be parsed to a boolean', 'type_error.bool');
  }

  integer(value: unknown, loc: Loc, minimum: number, maximum = Infinity): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return this.add(loc, 'value is not a valid integer', 'type_error.integer');
    }
    if (value < minimum) {
      return this.add(
        loc,
        `ensure this value is greater than or equal to ${minimum}`,
        'value_error.number.not_ge',
      );
    }
    if (value > maximum) {
      return this.add(
        loc,
        `ensure this value is less than or equal to ${maximum}`,
        'value_error.number.not_le',
      );
    }
    return value;
  }

  literal<T extends string>(value: unknown, loc: Loc, permitted: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (permitted.includes(value as T)) return value as T;
    const list = permitted.map((option) => `'${option}'`).join(', ');
    return this.add(loc, `unexpected value; permitted: ${list}`, 'value_error.const');
  }

  datetime(value: unknown, loc: Loc): number | undefined {
    const text = this.string(value, loc);
    if (text === undefined) return undefined;
    const parsed = parseZonedDatetime(text);
    if (parsed.ok) return parsed.ms;
    if (parsed.reason === 'naive') {
      return this.add(
        loc,
        'datetime must include a UTC offset (e.g. "Z" or "+00:00")',
        'value_error.datetime',
      );
    }
    return this.add(loc, 'invalid datetime format', 'value_error.datetime');
  }

  discriminator<T extends string>(value: unknown, loc: Loc, key: string, permitted: readonly T[]) {
    if (value === undefined) {
      return this.add([...loc, key], 'field required', 'value_error.missing');
    }
    if (permitted.includes(value as T)) return value as T;
    const allowed = permitted.map((option) => `'${option}'`).join(', ');
    return this.add(
      [...loc, key],
      `No match for discriminator '${key}' and value ${JSON.stringify(value)} (allowed values: ${allowed})`,
      'value_error.discriminated_union.invalid_discriminator',
    );
  }
}
