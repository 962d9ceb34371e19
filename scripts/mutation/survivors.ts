/*
 * `npm run mutate:survivors`: reads Stryker's JSON report (reports/mutation/mutation.json, which
 * `npm run mutate` writes) and
 * - prints, per folder of src/, the counts and the mutation score, as a Markdown table for
 *   TESTING.md's "Mutation score";
 * - writes reports/survivors-<folder>.md: every mutant that survived or that no test reached,
 *   as file:line, mutator, original → replacement, for whoever writes the tests that kill them.
 * A folder with no mutant in the report (not measured yet) gets no file and says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORT = join(ROOT, 'reports/mutation/mutation.json');

export type Status =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending';
interface Position {
  line: number;
  column: number;
}
export interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: Status;
  statusReason?: string;
  static?: boolean;
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

export const FOLDERS = ['timer', 'globus', 'operations', 'report', 'kinds', 'top-level'] as const;
export type Folder = (typeof FOLDERS)[number];

/** The folder right under src/ (src/kinds/transfer/spec.ts is kinds), or top-level for src/*.ts. */
export function folderOf(file: string): Folder | undefined {
  const match = /^src\/(?:([^/]+)\/)?(?:[^/]+\/)*[^/]+$/.exec(file.replace(/\\/g, '/'));
  if (!match) return undefined;
  const folder = match[1] ?? 'top-level';
  return (FOLDERS as readonly string[]).includes(folder) ? (folder as Folder) : undefined;
}

/** The mutated source text, on one line and cut short. */
export function original(source: string, { start, end }: Mutant['location']): string {
  const lines = source.split('\n');
  const text =
    start.line === end.line
      ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
      : [
          (lines[start.line - 1] ?? '').slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          (lines[end.line - 1] ?? '').slice(0, end.column - 1),
        ].join('\n');
  return short(text);
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 70 ? `${line.slice(0, 67)}…` : line;
}

/** A code span in a table cell: doubled backticks around code that holds one, pipes escaped. */
function cell(text: string): string {
  const code = text.replace(/\|/g, '\\|');
  return code.includes('`') ? `\`\` ${code} \`\`` : `\`${code}\``;
}

export interface Counts {
  mutants: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  compileErrors: number;
  runtimeErrors: number;
  ignored: number;
}

export function count(mutants: Mutant[]): Counts {
  const of = (status: Status) => mutants.filter((mutant) => mutant.status === status).length;
  return {
    mutants: mutants.length,
    killed: of('Killed'),
    survived: of('Survived'),
    noCoverage: of('NoCoverage'),
    timeout: of('Timeout'),
    compileErrors: of('CompileError'),
    runtimeErrors: of('RuntimeError'),
    ignored: of('Ignored'),
  };
}

/** Stryker's mutation score: detected / (detected + undetected), compile errors and ignored left out. */
export function score(counts: Counts): number | undefined {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return valid === 0 ? undefined : (100 * detected) / valid;
}

const HEADER = [
  '| folder | mutants | killed | survived | no coverage | timeout | compile errors | ignored (static) | score |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

function main(): void {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
  const byFolder = new Map<Folder, Entry[]>();
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const folder = folderOf(file);
    if (!folder) continue;
    const list = byFolder.get(folder) ?? [];
    list.push(...mutants.map((mutant) => ({ file, source, mutant })));
    byFolder.set(folder, list);
  }

  for (const [folder, entries] of byFolder) {
    const list = survivorList(folder, entries);
    writeFileSync(join(ROOT, `reports/survivors-${folder}.md`), list.text);
    console.error(`reports/survivors-${folder}.md: ${list.undetected} mutants`);
  }
  const measured = new Map(
    [...byFolder].map(([folder, list]) => [folder, list.map((e) => e.mutant)]),
  );
  console.log(scoreTable(measured).join('\n'));
}

type Entry = { file: string; source: string; mutant: Mutant };

/** reports/survivors-<folder>.md: the folder's row, then every mutant no test detected. */
function survivorList(folder: Folder, entries: Entry[]): { text: string; undetected: number } {
  const undetected = entries
    .filter(({ mutant }) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.mutant.location.start.line - b.mutant.location.start.line ||
        a.mutant.location.start.column - b.mutant.location.start.column,
    );
  const lines = [
    `# Mutants that survived in src/${folder === 'top-level' ? '*.ts' : `${folder}/`}`,
    '',
    'Written by `npm run mutate:survivors` from the last `npm run mutate` (TESTING.md). Each',
    'line is a change to the code that no test noticed: "survived" — tests ran it and passed;',
    '"no coverage" — no test that Stryker runs reached it. A test that fails on the change kills it.',
    '',
    ...HEADER,
    row(folder, count(entries.map(({ mutant }) => mutant))),
    '',
    '| where | status | mutator | original | replacement |',
    '| --- | --- | --- | --- | --- |',
    ...undetected.map(
      ({ file, source, mutant }) =>
        `| ${file}:${mutant.location.start.line} | ${mutant.status === 'Survived' ? 'survived' : 'no coverage'} | ${mutant.mutatorName} | ${cell(original(source, mutant.location))} | ${cell(short(mutant.replacement ?? ''))} |`,
    ),
    '',
  ];
  return { text: lines.join('\n'), undetected: undetected.length };
}

/**
 * TESTING.md's score table: a row per folder (or "not measured"), then the whole of what was
 * measured — called all of src/ only when no folder is missing.
 */
export function scoreTable(measured: ReadonlyMap<Folder, Mutant[]>): string[] {
  const rows = [...HEADER];
  for (const folder of FOLDERS) {
    const mutants = measured.get(folder);
    rows.push(mutants ? row(folder, count(mutants)) : `| ${folder} | not measured | | | | | | | |`);
  }
  const all = [...measured.values()].flat();
  const whole = FOLDERS.every((folder) => measured.has(folder));
  if (all.length > 0)
    rows.push(row(whole ? '**all of src/**' : '**src/ (measured part)**', count(all)));
  return rows;
}

function row(name: string, counts: Counts): string {
  const value = score(counts);
  return `| ${name} | ${counts.mutants} | ${counts.killed} | ${counts.survived} | ${counts.noCoverage} | ${counts.timeout} | ${counts.compileErrors} | ${counts.ignored} | ${value === undefined ? '–' : `${value.toFixed(1)} %`} |`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
