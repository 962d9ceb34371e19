import { describe, expect, it } from '@jest/globals';
import {
  FOLDERS,
  count,
  folderOf,
  score,
  scoreTable,
  type Folder,
  type Mutant,
  type Status,
} from '../scripts/mutation/survivors.js';

const mutant = (status: Status): Mutant => ({
  mutatorName: 'x',
  status,
  location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
});

describe('npm run mutate:survivors', () => {
  it('files each source file under the folder right below src/', () => {
    expect(folderOf('src/timer/fields.ts')).toBe('timer');
    expect(folderOf('src/kinds/transfer/spec.ts')).toBe('kinds');
    expect(folderOf('src/kinds/flow/input-schema.ts')).toBe('kinds');
    expect(folderOf('src/main.ts')).toBe('top-level');
    expect(folderOf('src\\globus\\http.ts')).toBe('globus');
  });

  it('leaves out files outside src/ and folders it does not know', () => {
    expect(folderOf('emulator/server.ts')).toBeUndefined();
    expect(folderOf('src/unknown/file.ts')).toBeUndefined();
  });

  it('scores detected over detected and undetected, leaving compile errors and ignored out', () => {
    const statuses: Status[] = [
      'Killed',
      'Killed',
      'Timeout',
      'Survived',
      'NoCoverage',
      'CompileError',
      'Ignored',
    ];
    const counts = count(statuses.map((status) => mutant(status)));
    expect(counts).toEqual({
      mutants: 7,
      killed: 2,
      survived: 1,
      noCoverage: 1,
      timeout: 1,
      compileErrors: 1,
      runtimeErrors: 0,
      ignored: 1,
    });
    expect(score(counts)).toBe(60);
    expect(score(count([]))).toBeUndefined();
  });

  it('tables the folders measured, calling the total all of src/ only when none is missing', () => {
    const two = new Map<Folder, Mutant[]>([
      ['timer', [mutant('Killed'), mutant('Survived')]],
      ['kinds', [mutant('Timeout'), mutant('Killed'), mutant('Killed'), mutant('NoCoverage')]],
    ]);
    expect(scoreTable(two).slice(2)).toEqual([
      '| timer | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 50.0 % |',
      '| globus | not measured | | | | | | | |',
      '| operations | not measured | | | | | | | |',
      '| report | not measured | | | | | | | |',
      '| kinds | 4 | 2 | 0 | 1 | 1 | 0 | 0 | 75.0 % |',
      '| top-level | not measured | | | | | | | |',
      '| **src/ (measured part)** | 6 | 3 | 1 | 1 | 1 | 0 | 0 | 66.7 % |',
    ]);
    const every = new Map(FOLDERS.map((folder) => [folder, [mutant('Killed')]]));
    expect(scoreTable(every).at(-1)).toBe(
      '| **all of src/** | 6 | 6 | 0 | 0 | 0 | 0 | 0 | 100.0 % |',
    );
  });
});
