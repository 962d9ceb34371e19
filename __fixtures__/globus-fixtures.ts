import { readFileSync } from 'node:fs';

/**
 * The captured Globus payloads and the official CLI's recorded requests, kept in
 * __fixtures__/globus-api/ (its README.md says where each was captured).
 */
const FOLDER = new URL('./globus-api/', import.meta.url);

function read(name: string): string {
  return readFileSync(new URL(name, FOLDER), 'utf8');
}

/** One captured payload, parsed: `fixture('timers_job_list.json')`. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(read(name)) as T;
}

/** A recording of one JSON document a line (`*.jsonl`), blank lines skipped. */
export function recording<T>(name: string): T[] {
  return read(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
