import { describe, expect, it } from '@jest/globals';
import { parseItems } from '../../src/timer/items.js';

/* parseItems' messages one by one, exactly, and where each problem points. */

const source = { input: 'items' };

describe('parseItems: each bad line', () => {
  it('refuses a line of one field', async () => {
    expect(await parseItems('/only-one', source)).toStrictEqual({
      items: [],
      problems: [
        {
          input: 'items',
          message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
          line: 1,
        },
      ],
    });
  });

  it('refuses an empty destination', async () => {
    expect((await parseItems('/a, ""', source)).problems).toStrictEqual([
      { input: 'items', message: 'the destination path is empty', line: 1 },
    ]);
  });

  it('refuses a path holding a control character, naming it', async () => {
    expect((await parseItems('/a, /b\u0001', source)).problems).toStrictEqual([
      { input: 'items', message: 'a path holds a control character (U+0001)', line: 1 },
    ]);
  });

  it('leaves recursive out when its field is empty', async () => {
    expect(await parseItems('/a, /b, ', source)).toStrictEqual({
      items: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
      problems: [],
    });
  });

  it('says nothing of "no items" when every line is bad', async () => {
    expect((await parseItems('/x\n/y', source)).problems.map((p) => p.line)).toStrictEqual([1, 2]);
  });

  it('names the file of a text that holds no items', async () => {
    expect(
      (await parseItems('# only a comment\n', { input: 'items-file', file: 'items.csv' })).problems,
    ).toStrictEqual([{ input: 'items-file', message: 'holds no items', file: 'items.csv' }]);
  });

  it('maps each line to where the text sits in its file', async () => {
    const { problems } = await parseItems('/a, /b\n/bad', {
      input: 'timers[0].items',
      file: 'timers.yml',
      lineOf: (n) => n + 10,
    });
    expect(problems).toStrictEqual([
      {
        input: 'timers[0].items',
        message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
        line: 12,
        file: 'timers.yml',
      },
    ]);
  });
});
