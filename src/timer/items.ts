import type { InputProblem } from './problems.js';
import { ITEMS_CSV_OPTIONS, splitItemsLines } from './items-lines.js';
import { controlCharacterIn } from './workspace-file.js';
import { plural } from '../words.js';

/** Timers' `TransferTaskItem`; `recursive` is omitted when not given so Transfer detects it. */
export interface TransferItem {
  DATA_TYPE: 'transfer_item';
  source_path: string;
  destination_path: string;
  recursive?: boolean;
}

/** Where an items text came from, so every problem can point at its input and line. */
export interface ItemsSource {
  input: 'items' | 'items-file' | string;
  /** Workspace-relative file path, for annotations on items-file lines. */
  file?: string;
  /** The file line of line `n` of the text, when the text sits inside a file (a spec file). */
  lineOf?: (n: number) => number;
  /** Where the text came from when not from where it is used (`from defaults:`). */
  source?: string;
}

const TRUE_WORDS = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'f', 'false', 'off', '0']);

/**
 * Reads items in the retired timer CLI's `--items-file` format: `SOURCE, DESTINATION[, RECURSIVE]`
 * a line, `#` comment lines, blank lines ignored, CSV quoting for commas and quotes in paths.
 */
export async function parseItems(
  text: string,
  source: ItemsSource,
): Promise<{ items: TransferItem[]; problems: InputProblem[] }> {
  const problem = (line: number, message: string): InputProblem => ({
    input: source.input,
    message,
    line: source.lineOf ? source.lineOf(line) : line,
    ...(source.file ? { file: source.file } : {}),
    ...(source.source ? { source: source.source } : {}),
  });
  let items: TransferItem[] = [];
  let problems: InputProblem[] = [];
  const take = (record: string[], line: number) => {
    const read = readItem(record);
    if (typeof read === 'string') problems.push(problem(line, read));
    else items.push(read);
  };
  if (!splitItemsLines(text, take)) {
    // Lines the fast path cannot vouch for: csv-parse reads the whole text, as it always did.
    items = [];
    problems = [];
    // Loaded only then: most steps, and most items, never need it.
    const { parse, CsvError } = await import('csv-parse/sync');
    try {
      // Each record is taken as it is read (on_record returns null: nothing is kept), so no
      // record or per-record info object outlives its line.
      parse(text, {
        ...ITEMS_CSV_OPTIONS,
        on_record: (record: string[], info: { lines: number }) => {
          take(record, info.lines);
          return null;
        },
      });
    } catch (error) {
      if (error instanceof CsvError) {
        const line = (error as { lines?: number }).lines ?? 1;
        return { items: [], problems: [problem(line, `not valid CSV: ${error.message}`)] };
      }
      throw error;
    }
  }
  if (items.length === 0 && problems.length === 0) {
    problems.push({ input: source.input, message: 'holds no items', ...fileOf(source) });
  }
  return { items, problems };
}

function fileOf(source: ItemsSource): { file?: string } {
  return source.file ? { file: source.file } : {};
}

/** One CSV record → an item, or what is wrong with it. */
export function readItem(record: string[]): TransferItem | string {
  if (record.length < 2 || record.length > 3) {
    return `expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found ${plural(record.length, 'field')}`;
  }
  const [sourcePath = '', destinationPath = '', recursiveText] = record;
  if (!sourcePath) return 'the source path is empty';
  if (!destinationPath) return 'the destination path is empty';
  const control = controlCharacterIn(sourcePath + destinationPath);
  if (control) return `a path holds a control character (${control})`;
  const item: TransferItem = {
    DATA_TYPE: 'transfer_item',
    source_path: sourcePath,
    destination_path: destinationPath,
  };
  if (recursiveText === undefined || recursiveText === '') return item;
  const word = recursiveText.toLowerCase();
  if (TRUE_WORDS.has(word)) return { ...item, recursive: true };
  if (FALSE_WORDS.has(word)) return { ...item, recursive: false };
  return `RECURSIVE must be true or false (or yes/no, on/off, 1/0), found "${recursiveText}"`;
}
