/*
 * The items format's fast path. csv-parse (with the options parseItems passes it) reads a large
 * file slowly and keeps an object per record; nearly every real items line is plain — paths
 * and commas, maybe a "quoted" path — and is split here in one pass instead. Anything this
 * reader is not certain csv-parse would read the same way makes it give up (false), and
 * parseItems then hands the whole text to csv-parse, so odd input keeps csv-parse's exact
 * records and error messages (`__tests__/timer/items-lines.test.ts` holds the two together).
 *
 * What csv-parse does with those options, and so what is copied here:
 * - a record ends at the first of `\r\n`, `\n` or `\r` met in the text, then only at that one;
 * - leading white space (String.prototype.trim's set) is skipped; a `#` after it, on a line's
 *   first field, makes the line a comment; a line with nothing left is skipped;
 * - an unquoted field runs to the next comma and is trimmed at both ends;
 * - a field opening with `"` runs to the closing `"` (`""` stands for one quote), untrimmed,
 *   and only blanks may follow it before the comma or line end.
 */

/** The options parseItems reads the items format with in csv-parse (the fast path's model). */
export const ITEMS_CSV_OPTIONS = {
  trim: true,
  relax_column_count: true,
  skip_empty_lines: true,
  comment: '#',
  comment_no_infix: true,
} as const;

/** Called with each record's fields and the line of the text it is on (1-based). */
export type OnRecord = (fields: string[], line: number) => void;

/** Blanks csv-parse skips after a closing quote without complaint: single bytes of its trim set. */
const AFTER_QUOTE = new Set([' ', '\t', '\v', '\f']);

type WellFormed = { isWellFormed(): boolean };

/**
 * Hands each record of `text` with its line to `onRecord`, as csv-parse would read them (one at
 * a time, so no list of 100,000 records is built); false, perhaps part way, when the text needs
 * csv-parse itself: a quote it might read otherwise, a line end other than the file's, a quoted
 * field over several lines, or malformed UTF-16 (which csv-parse would re-encode).
 */
export function splitItemsLines(text: string, onRecord: OnRecord): boolean {
  if (!(text as unknown as WellFormed).isWellFormed()) return false;
  const end = lineEnd(text);
  if (end === undefined) return false;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    line += 1;
    let stop = text.indexOf(end, start);
    if (stop === -1) stop = text.length;
    const content = text.slice(start, stop);
    start = stop + end.length;
    // csv-parse counts every \r and \n as a line; a stray one (in a \r\n file) is its to read.
    if (end === '\r\n' && (content.includes('\n') || content.includes('\r'))) return false;
    const fields = fieldsOf(content);
    if (fields === undefined) return false;
    if (fields !== null) onRecord(fields, line);
  }
  return true;
}

/** `\n` or `\r\n`, whichever ends the first line; undefined for a `\r` in a `\n` file, or a lone one. */
function lineEnd(text: string): string | undefined {
  const first = text.search(/[\r\n]/);
  if (first === -1) return '\n';
  if (text[first] === '\n') return text.includes('\r') ? undefined : '\n';
  return text[first + 1] === '\n' ? '\r\n' : undefined;
}

/** A line's fields; null for a blank or comment line; undefined when csv-parse must read it. */
export function fieldsOf(content: string): string[] | null | undefined {
  const first = content.trimStart();
  if (first === '' || first[0] === '#') return null;
  if (!content.includes('"')) return content.split(',').map((field) => field.trim());
  return quotedFields(content);
}

/** Fields of a line with quotes: each either unquoted (no quote in it) or one whole "…". */
function quotedFields(content: string): string[] | undefined {
  const fields: string[] = [];
  let pos = 0;
  for (;;) {
    const start = pos;
    while (pos < content.length && content.charAt(pos).trim() === '') pos += 1;
    if (content[pos] !== '"') {
      const comma = content.indexOf(',', pos);
      const raw = content.slice(start, comma === -1 ? content.length : comma);
      // A quote inside an unquoted field is an error csv-parse words itself.
      if (raw.includes('"')) return undefined;
      fields.push(raw.trim());
      if (comma === -1) return fields;
      pos = comma + 1;
      continue;
    }
    const quoted = closeQuote(content, pos + 1);
    if (quoted === undefined) return undefined;
    pos = quoted.next;
    while (AFTER_QUOTE.has(content.charAt(pos))) pos += 1;
    fields.push(quoted.value);
    if (pos === content.length) return fields;
    if (content[pos] !== ',') return undefined;
    pos += 1;
  }
}

/** The value of a quoted field whose text starts at `from`, and the index after its closing quote. */
function closeQuote(content: string, from: number): { value: string; next: number } | undefined {
  let value = '';
  let pos = from;
  for (;;) {
    const quote = content.indexOf('"', pos);
    // Unclosed on this line: a field that goes on over the line end, or an error.
    if (quote === -1) return undefined;
    if (content[quote + 1] === '"') {
      value += content.slice(pos, quote + 1);
      pos = quote + 2;
      continue;
    }
    return { value: value + content.slice(pos, quote), next: quote + 1 };
  }
}
