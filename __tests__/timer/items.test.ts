import { describe, expect, it } from '@jest/globals';
import { parseItems } from '../../src/timer/items.js';

describe('parseItems', () => {
  it("reads the retired timer CLI's items-file format", async () => {
    const text = [
      '# nightly backup',
      '/share/godata/file1.txt, ~/new_file1.txt, false',
      '',
      '/share/godata/dir/, /backup/dir/, true',
      '/just/two, /fields',
    ].join('\n');
    const { items, problems } = await parseItems(text, { input: 'items' });
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/share/godata/file1.txt',
        destination_path: '~/new_file1.txt',
        recursive: false,
      },
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/share/godata/dir/',
        destination_path: '/backup/dir/',
        recursive: true,
      },
      { DATA_TYPE: 'transfer_item', source_path: '/just/two', destination_path: '/fields' },
    ]);
  });

  it('keeps commas, quotes and hashes inside quoted or mid-line paths', async () => {
    const { items } = await parseItems('"/a,b", "/say ""hi"""\n/c#1, /d', { input: 'items' });
    expect(items.map((item) => [item.source_path, item.destination_path])).toEqual([
      ['/a,b', '/say "hi"'],
      ['/c#1', '/d'],
    ]);
  });

  it.each([
    ['y', true],
    ['YES', true],
    ['on', true],
    ['1', true],
    ['n', false],
    ['Off', false],
    ['0', false],
  ])('reads RECURSIVE %s as %s', async (word, recursive) => {
    expect((await parseItems(`/a, /b, ${word}`, { input: 'items' })).items[0]?.recursive).toBe(
      recursive,
    );
  });

  it('names the input, file and line of each bad line', async () => {
    const text = '/ok, /ok\n/only-one\n/a, /b, maybe\n/a, /b, true, extra\n, /dest';
    const { problems } = await parseItems(text, {
      input: 'items-file',
      file: 'transfer/items.csv',
    });
    expect(problems).toEqual([
      expect.objectContaining({ input: 'items-file', file: 'transfer/items.csv', line: 2 }),
      expect.objectContaining({ line: 3, message: expect.stringContaining('"maybe"') }),
      expect.objectContaining({ line: 4, message: expect.stringContaining('found 4 field') }),
      expect.objectContaining({ line: 5, message: 'the source path is empty' }),
    ]);
  });

  it('reports malformed CSV with its line', async () => {
    const { problems, items } = await parseItems('/a, /b\n/c, "/unclosed\n', { input: 'items' });
    expect(items).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        input: 'items',
        line: 2,
        message: expect.stringMatching(/not valid CSV/),
      }),
    ]);
  });

  // Files written on Windows: CRLF line ends, often a byte-order mark. Git keeps this
  // repository's files LF, but a user's items file may come from anywhere.
  it('reads CRLF files with a byte-order mark, lines numbered as the editor shows them', async () => {
    const text = '\ufeff# nightly\r\n/a, /b, true\r\n\r\n"/x,y", /z\r\n/only-one\r\n';
    const { items, problems } = await parseItems(text, { input: 'items-file', file: 'items.csv' });
    expect(items).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b', recursive: true },
      { DATA_TYPE: 'transfer_item', source_path: '/x,y', destination_path: '/z' },
    ]);
    expect(problems).toEqual([expect.objectContaining({ file: 'items.csv', line: 5 })]);
  });

  it('rejects a text with only comments', async () => {
    const { problems } = await parseItems('# nothing\n\n', { input: 'items' });
    expect(problems).toEqual([{ input: 'items', message: 'holds no items' }]);
  });
});
