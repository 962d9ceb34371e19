import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The captured Globus payloads at ../shared/globus-api/fixtures (REFERENCE.md). */
const FIXTURES = fileURLToPath(new URL('../../shared/globus-api/fixtures/', import.meta.url));

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
}
