import type { DateTime } from 'luxon';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import * as fields from './fields.js';
import { InputReader } from './input-reader.js';
import type { InputProblem } from './problems.js';
import { readTimerFields, requireWholeTimer } from './timer-fields.js';
import type { TimerFields } from './timer-spec.js';
import { readWorkspaceFile } from './workspace-file.js';

/** One timer of a spec file. */
export interface SpecFileEntry {
  timer: TimerFields;
  /** The name the timer has now, when the file renames it in place. */
  previousName?: string;
  dataAccess: fields.DataAccess;
}

/** A spec file: the timers it lists, and the prefix under which unlisted timers are deleted. */
export interface SpecFile {
  path: string;
  entries: SpecFileEntry[];
  prunePrefix?: string;
}

const TOP_LEVEL_KEYS = ['timers', 'defaults', 'prune-prefix'];

/** One key's value as an input string, and the file line of each of its lines. */
interface EntryValue {
  text: string;
  line: number;
  lines: number[];
}

export interface SpecFileContext {
  workspace: string;
  /** The keys a timer entry may hold: the action's timer inputs, plus `previous-name`. */
  keys: readonly string[];
  /** The step's start, made when a date needs it (see TimerFieldsContext). */
  now: () => DateTime;
}

/**
 * Reads a YAML or JSON spec file (workspace-relative): one timer, or `timers:` (a list) with
 * optional `defaults:` (keys every entry inherits) and `prune-prefix:`. Every problem names the
 * entry and key and points at its line; nothing is returned when there is any.
 */
export async function readSpecFile(
  path: string,
  context: SpecFileContext,
): Promise<{ specFile?: SpecFile; problems: InputProblem[] }> {
  const at = (message: string, line?: number): InputProblem => ({
    input: 'spec-file',
    message,
    file: path,
    ...(line === undefined ? {} : { line }),
  });
  const file = readWorkspaceFile(path, context.workspace);
  if ('problem' in file) return { problems: [at(file.problem, file.line)] };
  const { text } = file;
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) {
    const [error] = document.errors;
    return {
      problems: [
        at(`not valid YAML or JSON: ${error?.message.split('\n')[0]}`, error?.linePos?.[0].line),
      ],
    };
  }
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  const root = document.contents;
  if (!isMap(root))
    return { problems: [at('must hold a mapping: one timer, or `timers:` with a list')] };

  const problems: InputProblem[] = [];
  const listed = root.has('timers');
  const entryNodes: { node: YAMLMap; label: string }[] = [];
  let defaults: YAMLMap | undefined;
  let prunePrefix: string | undefined;
  if (listed) {
    for (const pair of root.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!TOP_LEVEL_KEYS.includes(key)) {
        problems.push(
          at(`unknown key "${key}" (use timers, defaults, prune-prefix)`, lineOf(pair.key as Node)),
        );
      }
    }
    const timers = root.get('timers', true);
    if (!isSeq(timers) || timers.items.length === 0) {
      problems.push(at('`timers:` must be a non-empty list', lineOf(timers as Node)));
    } else {
      timers.items.forEach((node, i) => {
        if (isMap(node)) entryNodes.push({ node, label: `timers[${i}]` });
        else problems.push(at(`timers[${i}] must be a mapping of inputs`, lineOf(node as Node)));
      });
    }
    const defaultsNode = root.get('defaults', true);
    if (defaultsNode !== undefined && !isMap(defaultsNode)) {
      problems.push(at('`defaults:` must be a mapping of inputs', lineOf(defaultsNode as Node)));
    } else {
      defaults = defaultsNode;
    }
    const prune = root.get('prune-prefix', true);
    if (prune !== undefined) {
      const value = isScalar(prune) ? String(prune.value ?? '').trim() : '';
      if (!value)
        problems.push(at('`prune-prefix:` must be a non-empty name prefix', lineOf(prune as Node)));
      else prunePrefix = value;
    }
  } else {
    entryNodes.push({ node: root, label: '' });
  }

  const base = defaults
    ? entryValues(defaults, 'defaults', lineOf, problems, path, context.keys)
    : new Map();
  for (const name of ['name', 'previous-name']) {
    if (base.has(name)) problems.push(at(`defaults cannot set ${name}`, base.get(name)?.line));
  }
  const entries: SpecFileEntry[] = [];
  const seen = new Map<string, string>();
  for (const { node, label } of entryNodes) {
    const own = entryValues(node, label, lineOf, problems, path, context.keys);
    const values = new Map([...base, ...own]);
    const nameOf = (key: string) => (label ? `${label}.${key}` : key);
    const reader = new InputReader((key) => values.get(key)?.text ?? '', {
      nameOf,
      file: path,
      lineOf: (key) => values.get(key)?.line ?? lineOf(node),
      lineWithin: (key, n) => values.get(key)?.lines[n - 1],
    });
    const timer = await readTimerFields(reader, context);
    const name = timer.name;
    if (!name) reader.problem('name', 'required: every timer in a spec file needs a name');
    if (name && seen.has(name)) {
      reader.problem('name', `"${name}" is listed twice (also ${seen.get(name)})`);
    }
    if (name) seen.set(name, nameOf('name'));
    requireWholeTimer(reader, timer);
    const previousName = reader.raw('previous-name') || undefined;
    entries.push({
      timer,
      ...(previousName ? { previousName } : {}),
      dataAccess: reader.optional('data-access', fields.dataAccess) ?? 'auto',
    });
    problems.push(...reader.problems);
  }
  if (problems.length > 0) return { problems };
  return { specFile: { path, entries, ...(prunePrefix ? { prunePrefix } : {}) }, problems };
}

/** A mapping's keys as input strings; unknown keys and unusable values become problems. */
function entryValues(
  node: YAMLMap,
  label: string,
  lineOf: (node: Node | null | undefined) => number | undefined,
  problems: InputProblem[],
  file: string,
  keys: readonly string[],
): Map<string, EntryValue> {
  const values = new Map<string, EntryValue>();
  for (const pair of node.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const line = lineOf(pair.key as Node) ?? 1;
    const where = label ? `${label}.${key}` : key;
    if (!keys.includes(key)) {
      problems.push({ input: where, message: 'is not a timer input', file, line });
      continue;
    }
    const value = pair.value as Node | null;
    if (isSeq(value)) {
      const items = value.items.map((item) => ({
        text: listItemText(key, item as Node),
        line: lineOf(item as Node) ?? line,
      }));
      const bad = items.find((item) => item.text === undefined);
      if (bad) {
        problems.push({
          input: where,
          message: 'list entries must be text (or, for items, {source, destination, recursive})',
          file,
          line: bad.line,
        });
        continue;
      }
      values.set(key, {
        text: items.map((item) => item.text).join('\n'),
        line,
        lines: items.map((item) => item.line),
      });
    } else if (isScalar(value) || value === null) {
      const text = value === null || value.value === null ? '' : String(value.value);
      const first = lineOf(value) ?? line;
      // A block scalar (`items: |`) starts on the line after its key.
      const start = text.includes('\n') && first === line ? line + 1 : first;
      values.set(key, { text, line, lines: text.split('\n').map((_, i) => start + i) });
    } else if (isMap(value) && key === 'flow-input') {
      // A flow's input written as YAML in the file itself: read back as the JSON it stands for.
      values.set(key, { text: JSON.stringify(value.toJSON()), line, lines: [line] });
    } else {
      problems.push({ input: where, message: 'must be a value or a list', file, line });
    }
  }
  return values;
}

/** A list entry as one line of input; items may also be `{source, destination, recursive}`. */
function listItemText(key: string, node: Node): string | undefined {
  if (isScalar(node)) return String(node.value ?? '');
  if (key !== 'items' || !isMap(node)) return undefined;
  const item = node.toJSON() as Record<string, unknown>;
  const cells = [item.source, item.destination, item.recursive].filter(
    (cell) => cell !== undefined,
  );
  return cells.map((cell) => csvCell(String(cell))).join(', ');
}

function csvCell(value: string): string {
  return /[",\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
