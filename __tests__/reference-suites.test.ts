import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * jest.config.js skips the suites that read ../shared/globus-api where it is missing (GitHub
 * runners). The list must name exactly the suites that read it, or a runner would fail on a
 * missing file — or skip a suite for no reason.
 */

const root = fileURLToPath(new URL('.', import.meta.url));
const REFERENCE_SUITES = JSON.parse(
  readFileSync(new URL('../__fixtures__/reference-suites.json', import.meta.url), 'utf8'),
) as string[];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Whether a test file reads the reference: directly, or through the fixture loader. */
function readsReference(source: string): boolean {
  return /shared\/globus-api|__fixtures__\/globus-fixtures/.test(source);
}

describe('the suites that need ../shared/globus-api', () => {
  it('are exactly the ones jest.config.js skips where it is missing', () => {
    const readers = testFiles(root)
      .filter((file) => file !== fileURLToPath(import.meta.url))
      .filter((file) => readsReference(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).replace(/\.test\.ts$/, ''));
    expect(readers.sort()).toEqual([...REFERENCE_SUITES].sort());
  });

  it('are recognised by what they import', () => {
    expect(readsReference("import { fixture } from '../../__fixtures__/globus-fixtures.js';")).toBe(
      true,
    );
    expect(
      readsReference("const LOG = '../../../shared/globus-api/official-cli-requests.jsonl';"),
    ).toBe(true);
    expect(readsReference("import { startEmulator } from '../../emulator/index.js';")).toBe(false);
  });
});
