import type { DateTime } from 'luxon';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import * as fields from './fields.js';
import { FLOW_INPUTS } from './flow-fields.js';
import { InputReader } from './input-reader.js';
import type { InputProblem } from './problems.js';
import { nearest } from './nearest.js';
import { mappingValues, type EntryValue } from './spec-file-values.js';
import { readTimerFields, requireWholeTimer } from './timer-fields.js';
import type { TimerFields } from './timer-spec.js';
import { TRANSFER_INPUTS, TRANSFER_ONLY_INPUTS } from './transfer-fields.js';
import { readWorkspaceFile } from './workspace-file.js';
import { yamlErrorText } from './yaml-error.js';

/** One timer of a spec file. */
export interface SpecFileEntry {
  timer: TimerFields;
  /** The name the timer has now, when the file renames it in place. */
  previousName?: string;
  dataAccess: fields.DataAccess;
  /** How messages name it: `timer "ci/logs" (line 12)`, or `timers[0] (line 12)`. */
  place: string;
  /** The line it starts on. */
  line?: number;
}

/** A spec file: the timers it lists, and the prefix under which unlisted timers are deleted. */
export interface SpecFile {
  path: string;
  entries: SpecFileEntry[];
  prunePrefix?: string;
}

const TOP_LEVEL_KEYS = ['timers', 'defaults', 'prune-prefix'];
const FROM_DEFAULTS = 'from defaults:';

export interface SpecFileContext {
  workspace: string;
  /** The keys a timer entry may hold: the action's timer inputs, plus `previous-name`. */
  keys: readonly string[];
  /** The step's start, made when a date needs it (see TimerFieldsContext). */
  now: () => DateTime;
}

type LineOf = (node: Node | null | undefined) => number | undefined;

/**
 * Reads a YAML or JSON spec file (workspace-relative): one timer, or `timers:` (a list) with
 * optional `defaults:` (keys each entry inherits: those of its own kind) and `prune-prefix:`.
 * Every problem names the timer and key and points at its line; nothing is returned when there
 * is any.
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
  const lines = new LineCounter();
  const document = parseDocument(file.text, { lineCounter: lines });
  const [error] = document.errors;
  if (error) {
    const { message, line } = yamlErrorText(error);
    return { problems: [at(`not valid YAML or JSON: ${message}`, line)] };
  }
  const lineOf: LineOf = (node) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  const root = document.contents;
  if (!isMap(root)) {
    return { problems: [at('must hold a mapping: one timer, or `timers:` with a list')] };
  }
  const problems: InputProblem[] = [];
  const layout = root.has('timers')
    ? readLayout(root, lineOf, at, problems)
    : { entryNodes: [{ node: root, index: -1 }] };
  const base = layout.defaults
    ? mappingValues(
        layout.defaults,
        { nameOf: (key) => `defaults.${key}`, lineOf, file: path, keys: context.keys },
        problems,
      )
    : new Map<string, EntryValue>();
  for (const name of ['name', 'previous-name']) {
    if (base.has(name)) problems.push(at(`defaults cannot set ${name}`, base.get(name)?.line));
  }
  const inherited = new Map(
    [...base].map(([key, value]) => [key, { ...value, fromDefaults: true }]),
  );
  const entries: SpecFileEntry[] = [];
  const found: Found[] = [];
  const seen = new Map<string, SpecFileEntry>();
  for (const { node, index } of layout.entryNodes) {
    entries.push(await readEntry(node, index, inherited, { path, lineOf, context, seen }, found));
  }
  problems.push(...onceForDefaults(found));
  if (problems.length > 0) return { problems };
  return {
    specFile: { path, entries, ...(layout.prunePrefix ? { prunePrefix: layout.prunePrefix } : {}) },
    problems,
  };
}

interface Layout {
  entryNodes: { node: YAMLMap; index: number }[];
  defaults?: YAMLMap;
  prunePrefix?: string;
}

/** The top level of a file with `timers:`: its entries, defaults and prune-prefix. */
function readLayout(
  root: YAMLMap,
  lineOf: LineOf,
  at: (message: string, line?: number) => InputProblem,
  problems: InputProblem[],
): Layout {
  const layout: Layout = { entryNodes: [] };
  for (const pair of root.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const meant = nearest(key, TOP_LEVEL_KEYS);
      const hint = meant ? `did you mean ${meant}?` : 'use timers, defaults, prune-prefix';
      problems.push(at(`unknown key "${key}" (${hint})`, lineOf(pair.key as Node)));
    }
  }
  const timers = root.get('timers', true);
  if (!isSeq(timers) || timers.items.length === 0) {
    problems.push(at('`timers:` must be a non-empty list', lineOf(timers as Node)));
  } else {
    timers.items.forEach((node, index) => {
      if (isMap(node)) layout.entryNodes.push({ node, index });
      else problems.push(at(`timers[${index}] must be a mapping of inputs`, lineOf(node as Node)));
    });
  }
  const defaults = root.get('defaults', true);
  if (defaults !== undefined && !isMap(defaults)) {
    problems.push(at('`defaults:` must be a mapping of inputs', lineOf(defaults as Node)));
  } else if (defaults) {
    layout.defaults = defaults;
  }
  const prune = root.get('prune-prefix', true);
  if (prune !== undefined) {
    const value = isScalar(prune) ? String(prune.value ?? '').trim() : '';
    if (!value) {
      problems.push(at('`prune-prefix:` must be a non-empty name prefix', lineOf(prune as Node)));
    } else {
      layout.prunePrefix = value;
    }
  }
  return layout;
}

/** A problem of an entry, and the entry's label (so a problem from defaults can drop it). */
interface Found {
  problem: InputProblem;
  label: string;
}

interface EntrySetting {
  path: string;
  lineOf: LineOf;
  context: SpecFileContext;
  /** The entries read so far, by name: a name listed twice is a problem. */
  seen: Map<string, SpecFileEntry>;
}

/**
 * One entry of `timers:` (index -1: the file is one timer), with the defaults of its kind under
 * its own keys. Its kind is what its own keys say — flow-id or another flow input: a flow timer;
 * endpoints or items: a transfer timer — and defaults of the other kind are not applied to it.
 */
async function readEntry(
  node: YAMLMap,
  index: number,
  inherited: Map<string, EntryValue>,
  { path, lineOf, context, seen }: EntrySetting,
  found: Found[],
): Promise<SpecFileEntry> {
  const line = lineOf(node);
  const label = index < 0 ? '' : labelOf(node, index);
  const place = label && line !== undefined ? `${label} (line ${line})` : label;
  // The entry's line is said once: a key on that line (or missing) is `timer "a", name`.
  const nameAt = (key: string, at: number | undefined) => {
    if (!label) return key;
    return at === undefined || at === line ? `${label}, ${key}` : `${place}, ${key}`;
  };
  const ownProblems: InputProblem[] = [];
  const own = mappingValues(
    node,
    {
      nameOf: nameAt,
      lineOf,
      file: path,
      keys: context.keys,
      ...(index < 0 ? { suggestions: TOP_LEVEL_KEYS } : {}),
    },
    ownProblems,
  );
  const values = new Map([...ofKind(inherited, kindOfKeys([...own.keys()])), ...own]);
  const reader = new InputReader((key) => values.get(key)?.text ?? '', {
    nameOf: (key) => nameAt(key, values.get(key)?.line),
    file: path,
    lineOf: (key) => values.get(key)?.line ?? line,
    lineWithin: (key, n) => values.get(key)?.lines[n - 1],
    sourceOf: (key) => (values.get(key)?.fromDefaults ? FROM_DEFAULTS : undefined),
  });
  const timer = await readTimerFields(reader, context);
  const { name } = timer;
  if (!name) reader.problem('name', 'required: every timer in a spec file needs a name');
  const first = name === undefined ? undefined : seen.get(name);
  if (name !== undefined && first) {
    reader.problem('name', `"${name}" is listed twice (also ${first.place})`);
  }
  requireWholeTimer(reader, timer);
  const previousName = reader.raw('previous-name') || undefined;
  const dataAccess = reader.optional('data-access', fields.dataAccess) ?? 'auto';
  found.push(...[...ownProblems, ...reader.problems].map((problem) => ({ problem, label })));
  const entry: SpecFileEntry = {
    timer,
    ...(previousName ? { previousName } : {}),
    dataAccess,
    place: place || 'the timer',
    ...(line === undefined ? {} : { line }),
  };
  if (name !== undefined && !first) seen.set(name, entry);
  return entry;
}

/** `timer "ci/logs"`; `timers[3]` for an entry without a usable name. */
function labelOf(node: YAMLMap, index: number): string {
  const name = node.get('name');
  const usable = typeof name === 'string' && name.trim() !== '' && !/[\r\n]/.test(name);
  return usable ? `timer "${name.trim()}"` : `timers[${index}]`;
}

/** The kind an entry's own keys say it is; undefined when they say neither (or both). */
function kindOfKeys(keys: readonly string[]): 'flow' | 'transfer' | undefined {
  const flow = keys.some((key) => FLOW_INPUTS.includes(key));
  const transfer = keys.some((key) => TRANSFER_INPUTS.includes(key));
  if (flow === transfer) return undefined;
  return flow ? 'flow' : 'transfer';
}

/** The defaults a timer of this kind takes: all of them, less those of the other kind. */
function ofKind(defaults: Map<string, EntryValue>, kind: 'flow' | 'transfer' | undefined) {
  const other = kind === 'flow' ? TRANSFER_ONLY_INPUTS : kind === 'transfer' ? FLOW_INPUTS : [];
  return [...defaults].filter(([key]) => !other.includes(key));
}

/**
 * The problems of every entry, a problem with a value from `defaults:` said once for the file
 * (not once per timer) when several timers have it: `destination-endpoint (from defaults:,
 * line 3): must be a UUID`.
 */
function onceForDefaults(found: readonly Found[]): InputProblem[] {
  // `timer "a" (line 12), interval` or `timer "a", interval` → `interval`.
  const bare = ({ problem, label }: Found) =>
    label && problem.input.startsWith(label)
      ? problem.input.slice(problem.input.indexOf(', ', label.length) + 2)
      : problem.input;
  const causes = new Map<string, Found[]>();
  const causeOf = (item: Found) => `${bare(item)}\n${item.problem.message}\n${item.problem.line}`;
  for (const item of found) {
    if (item.problem.source !== FROM_DEFAULTS) continue;
    causes.set(causeOf(item), [...(causes.get(causeOf(item)) ?? []), item]);
  }
  return found.flatMap((item) => {
    const shared = item.problem.source === FROM_DEFAULTS ? causes.get(causeOf(item)) : undefined;
    if (!shared || shared.length === 1) return [item.problem];
    return shared[0] === item ? [{ ...item.problem, input: bare(item) }] : [];
  });
}
