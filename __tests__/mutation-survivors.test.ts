import { describe, expect, it } from '@jest/globals';
import { count, folderOf, score, type Mutant, type Status } from '../scripts/mutation/survivors.js';

describe('npm run mutate:survivors', () => {
  it('files each source file under the folder right below src/', () => {
    expect(folderOf('src/spec/fields.ts')).toBe('spec');
    expect(folderOf('src/kinds/transfer/fields.ts')).toBe('kinds');
    expect(folderOf('src/kinds/flow/input-schema.ts')).toBe('kinds');
    expect(folderOf('src/main.ts')).toBe('top-level');
    expect(folderOf('src\\globus\\http.ts')).toBe('globus');
  });

  it('leaves out files outside src/ and folders it does not know', () => {
    expect(folderOf('emulator/server.ts')).toBeUndefined();
    expect(folderOf('src/unknown/file.ts')).toBeUndefined();
  });

  it('scores detected over detected and undetected, leaving compile errors and ignored out', () => {
    const mutant = (status: Status): Mutant => ({
      mutatorName: 'x',
      status,
      location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
    });
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
});
