import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, recording } from '../__fixtures__/globus-fixtures.js';

/*
 * __fixtures__/globus-api/ holds captured Globus payloads, and JSON has no comments: its README
 * says where each file was captured. Every file has a row there, every row a file, and every file
 * a reader in __tests__/ or emulator/ (nothing is copied in that nothing uses).
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, '__fixtures__', 'globus-api');
const captured = readdirSync(folder).filter((name) => name !== 'README.md');

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : textFiles(path);
    return /\.(ts|md)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

interface FixtureIndex {
  /** The captured files, by name. */
  files: string[];
  /** The README's text. */
  index: string;
  /** The text of every file that may read or describe one. */
  readers: string[];
}

/** What is wrong with the folder and its index: a file without a row, a row without a file, … */
function fixtureIndexProblems({ files, index, readers }: FixtureIndex): string[] {
  const rows = new Map<string, string[]>();
  for (const line of index.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([^`]+\.jsonl?)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells.slice(2, -1));
  }
  const problems: string[] = [];
  for (const file of files) {
    const row = rows.get(file);
    if (!row) problems.push(`${file}: no row in the index`);
    else if (row.length < 2 || row.some((cell) => cell === ''))
      problems.push(`${file}: its row does not say both where it comes from and what it shows`);
    if (!readers.some((text) => text.includes(file))) problems.push(`${file}: nothing reads it`);
  }
  for (const name of rows.keys())
    if (!files.includes(name)) problems.push(`${name}: in the index, not in the folder`);
  return problems;
}

describe('__fixtures__/globus-api', () => {
  it('has a row in its README for every file, and a file for every row, each one read', () => {
    const index = readFileSync(join(folder, 'README.md'), 'utf8');
    const readers = [...textFiles(join(root, '__tests__')), ...textFiles(join(root, 'emulator'))];
    expect(captured.length).toBeGreaterThan(20);
    expect(fixtureIndexProblems({ files: captured, index, readers })).toEqual([]);
  });

  it('holds only documents that parse: JSON, or one JSON document a line', () => {
    const documents = captured.map((name) =>
      name.endsWith('.jsonl') ? recording<unknown>(name) : [fixture<unknown>(name)],
    );
    expect(documents.filter((lines) => lines.length === 0)).toEqual([]);
    expect(documents.flat().every((document) => typeof document === 'object')).toBe(true);
  });

  it('rejects a file without a row, a row without a file or a source, and an unread file', () => {
    const index = [
      '| file | source | what it shows |',
      '| --- | --- | --- |',
      '| `a.json` | PY `x.py` | an answer |',
      '| `b.json` |  | an answer |',
      '| `gone.jsonl` | the CLI | requests |',
    ].join('\n');
    expect(
      fixtureIndexProblems({
        files: ['a.json', 'b.json', 'c.json'],
        index,
        readers: ["fixture('a.json'); fixture('c.json')"],
      }),
    ).toEqual([
      'b.json: its row does not say both where it comes from and what it shows',
      'b.json: nothing reads it',
      'c.json: no row in the index',
      'gone.jsonl: in the index, not in the folder',
    ]);
  });
});
