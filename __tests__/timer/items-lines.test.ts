import { describe, expect, it } from '@jest/globals';
import { CsvError, parse } from 'csv-parse/sync';
import { ITEMS_CSV_OPTIONS, fieldsOf, splitItemsLines } from '../../src/timer/items-lines.js';
import { parseItems, readItem } from '../../src/timer/items.js';

/*
 * The fast path must read every text exactly as csv-parse does, or give up. Texts are built at
 * random (seeded, so a failure repeats) from the pieces that matter to CSV — quotes, escaped
 * quotes, blanks of every kind, commas, `#`, line ends of three kinds, a byte-order mark — and
 * each is read both ways.
 */

/** mulberry32: a small seeded generator, so each run builds the same texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '/data/a',
  '/b',
  'x',
  'true',
  'no',
  '0',
  '~/f.txt',
  'a b',
  '#',
  '/c#1',
  ',',
  ',',
  ',',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u3000',
  '\ufeff',
  '\u2028',
  '"',
  '""',
  '"/q,uoted"',
  '" sp "',
  '"say ""hi"""',
  '""',
  '\v',
  'é',
  '😀',
  '\r',
  '\n',
];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r'];
const BLANKS = ['', '', ' ', '  ', '\t', '\u00a0', '\u3000', '\ufeff'];
const UNQUOTED = PIECES.filter((piece) => !/["\r\n,]/.test(piece));
const QUOTED = PIECES.filter((piece) => /^".*"$/.test(piece));

/** A line shaped as the fast path expects: fields, each unquoted text or one quoted field. */
function plainLine(pick: <T>(list: readonly T[]) => T, next: () => number): string {
  const fields: string[] = [];
  for (let n = Math.floor(next() * 4); n >= 0; n -= 1) {
    const core =
      next() < 0.3
        ? pick(QUOTED)
        : Array.from({ length: Math.floor(next() * 3) }, () => pick(UNQUOTED)).join('');
    fields.push(`${pick(BLANKS)}${core}${next() < 0.7 ? pick(BLANKS.slice(0, 5)) : pick(BLANKS)}`);
  }
  return fields.join(',');
}

function randomText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const plain = next() < 0.6; // most texts keep to the shapes the fast path takes
  const end = next() < 0.8 ? '\n' : pick(LINE_ENDS);
  const lines: string[] = [];
  for (let n = Math.floor(next() * 6); n >= 0; n -= 1) {
    if (plain) {
      lines.push(plainLine(pick, next));
      continue;
    }
    const pieces: string[] = [];
    for (let k = Math.floor(next() * 7); k >= 0; k -= 1) pieces.push(pick(PIECES));
    lines.push(pieces.join(''));
  }
  return `${next() < 0.1 ? '\ufeff' : ''}${lines.join(plain ? end : pick(LINE_ENDS))}${next() < 0.5 ? end : ''}`;
}

/** What csv-parse returns for the text: records with their lines, or its error. */
function csvParse(text: string): unknown {
  try {
    const records = parse(text, { ...ITEMS_CSV_OPTIONS, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => [record, info.lines]);
  } catch (error) {
    if (error instanceof CsvError) return `${error.message} @${String(error.lines)}`;
    throw error;
  }
}

function fastPath(text: string): unknown {
  const records: [string[], number][] = [];
  return splitItemsLines(text, (fields, line) => records.push([fields, line]))
    ? records
    : undefined;
}

describe('splitItemsLines', () => {
  it('reads 10,000 random texts as csv-parse does, or leaves them to it', () => {
    const next = random(11);
    let fast = 0;
    let quoted = 0;
    for (let n = 0; n < 10_000; n += 1) {
      const text = randomText(next);
      const read = fastPath(text);
      if (read === undefined) continue;
      fast += 1;
      if (text.includes('"')) quoted += 1;
      expect([text, read]).toEqual([text, csvParse(text)]);
    }
    // The comparison is worth something only if the fast path took a good share of them.
    expect(fast).toBeGreaterThan(4_000);
    expect(quoted).toBeGreaterThan(3_000);
  });

  it.each([
    ['/a, /b, true', ['/a', '/b', 'true']],
    ['  /a ,/b,  ', ['/a', '/b', '']],
    [',', ['', '']],
    ['"/a,b" , "/say ""hi"""', ['/a,b', '/say "hi"']],
    ['\ufeff "/x" ,\t/y', ['/x', '/y']],
    ['"" , " kept "', ['', ' kept ']],
    ['/c#1, /d', ['/c#1', '/d']],
    ['  # a comment, "with a quote', null],
    ['\u00a0\t', null],
  ])('reads %j', (line, fields) => {
    expect(fieldsOf(line)).toEqual(fields);
    expect(csvParse(line)).toEqual(fields === null ? [] : [[fields, 1]]);
  });

  it.each([
    ['a quote inside an unquoted field', '/a"b, /c'],
    ['text after a closing quote', '"/a"b, /c'],
    ['a comment straight after a closing quote', '"/a"# x, /c'],
    ['a wide blank after a closing quote', '"/a"\u00a0, /c'],
    ['a quote left open (a field over several lines)', '"/a, /b'],
  ])('leaves %s to csv-parse', (_, line) => {
    expect(fieldsOf(line)).toBeUndefined();
  });

  it.each([
    ['a lone \\r', '/a, /b\r/c, /d'],
    ['a \\r in a \\n file', '/a, /b\n/c, /d\r\n'],
    ['a \\n in a \\r\\n file', '/a, /b\r\n/c, /d\n/e, /f'],
    ['malformed UTF-16', '/a\ud800, /b'],
  ])('leaves a text with %s to csv-parse', (_, text) => {
    expect(fastPath(text)).toBeUndefined();
  });
});

/** parseItems as it was before the fast path: csv-parse for every text, each record read in turn. */
function parseItemsBefore(text: string) {
  const records = csvParse(text);
  if (typeof records === 'string') {
    const [message = '', line] = records.split(' @');
    return { items: [], problems: [{ line: Number(line), message: `not valid CSV: ${message}` }] };
  }
  const items: unknown[] = [];
  const problems: { line: number; message: string }[] = [];
  for (const [record, line] of records as [string[], number][]) {
    const read = readItem(record);
    if (typeof read === 'string') problems.push({ line, message: read });
    else items.push(read);
  }
  return { items, problems };
}

describe('parseItems with and without the fast path', () => {
  it('gives the same items, problems and lines for random texts as csv-parse alone', async () => {
    const next = random(7);
    for (let n = 0; n < 5_000; n += 1) {
      const text = randomText(next);
      const { items, problems } = await parseItems(text, { input: 'items' });
      const before = parseItemsBefore(text);
      if (before.items.length + before.problems.length === 0) {
        before.problems.push({ message: 'holds no items' } as (typeof before.problems)[number]);
      }
      const seen = problems.map(({ line, message }) => (line ? { line, message } : { message }));
      expect([text, items, seen]).toEqual([text, before.items, before.problems]);
    }
  });
});
