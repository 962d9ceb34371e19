/**
 * `npm run bench` (`npm run bench -- --quick` for fewer repetitions; `-- --only cold-start` for
 * the cold check and the bundle alone; `-- --before DIR` to set the cold check of another build,
 * a directory holding its dist/ files, beside this one's): every figure of issue 11,
 * against the emulator in this process, each step run through the bundle under Node 24 (the
 * runtime action.yml declares) when npx can fetch it, else under this Node. Progress goes to
 * stderr; stdout is the Markdown that BENCHMARKS.md quotes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startEmulator } from '../emulator/index.js';
import { compareBundles, profileBundles, type Bundle } from './bundles.js';
import { measureColdStart } from './cold-start.js';
import { itemsRows, measureItemsFile, type ItemsFileRun } from './items-file.js';
import { node24 } from './measure.js';
import { OPERATIONS, measureOperation, type OperationFigures } from './operations.js';
import {
  kilobytes,
  markdownTable,
  megabytes,
  milliseconds,
  verdict,
  verdictBelow,
} from './report.js';
import { measureSpecFile, type SpecFileRun } from './spec-file.js';

const quick = process.argv.includes('--quick');
// `--items`: only the items-file rows, e.g. while working on parseItems (`--runs=N` repeats).
const itemsOnly = process.argv.includes('--items');
const runsArg = /^--runs=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--runs=')) ?? '');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'cold-start') {
  throw new Error(`--only takes cold-start, not ${String(only)}`);
}
const everything = only === undefined;
const beforeAt = process.argv.indexOf('--before');
const beforeDir = beforeAt >= 0 ? process.argv[beforeAt + 1] : undefined;
const RUNS = {
  operation: quick ? 1 : 3,
  coldStart: quick ? 5 : 15,
  itemsFile: runsArg ? Number(runsArg[1]) : quick ? 1 : 3,
};
const ROUND_TRIP = 60;
const progress = (message: string) => process.stderr.write(`${message}\n`);

let node = process.execPath;
try {
  node = node24();
} catch (error) {
  progress(`Node 24 unavailable (${String(error)}); the steps run under ${process.version}`);
}
const stepNode = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

const header = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}.`,
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores` +
    ` (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), load average ${load()} at the start.`,
  `Node: steps under ${stepNode}; emulator and setup under ${process.version}.`,
];

const emulator = await startEmulator();

if (itemsOnly) {
  progress('items file of 100,000 lines');
  const items = await measureItemsFile(emulator, node, 100_000, RUNS.itemsFile);
  const oneItem = await measureItemsFile(emulator, node, 1, RUNS.itemsFile);
  await emulator.close();
  console.log(header.join('\n'));
  console.log();
  const rows = itemsRows(items, oneItem, RUNS.itemsFile);
  console.log(markdownTable(['figure', 'measured', 'target', 'verdict'], rows));
  process.exit(0);
}

const operations: OperationFigures[] = [];
for (const operation of everything ? OPERATIONS : []) {
  progress(`operation: ${operation.label}`);
  operations.push(
    await measureOperation(emulator, node, operation, [0, ROUND_TRIP], RUNS.operation),
  );
}
progress('cold check: action and floor');
const cold = await measureColdStart(emulator, node, RUNS.coldStart);
// The 429s' Retry-After decides the outcome (a 429 with one pauses every worker): all three.
const specs: SpecFileRun[] = [];
for (const retryAfterSeconds of everything ? [0, null, 1] : []) {
  progress(`spec file of 200 timers, Retry-After ${String(retryAfterSeconds)}`);
  specs.push(
    await measureSpecFile(emulator, node, {
      timers: 200,
      roundTrip: ROUND_TRIP,
      refuse: { every: 10 },
      retryAfterSeconds,
    }),
  );
}
// 429s that come together, as a rate limiter's would, pause the workers once.
if (everything) {
  progress('spec file of 200 timers, the first half second refused, Retry-After 1');
  specs.push(
    await measureSpecFile(emulator, node, {
      timers: 200,
      roundTrip: ROUND_TRIP,
      refuse: { forMs: 500 },
      retryAfterSeconds: 1,
    }),
  );
}
// The same cold check through an earlier build and this one, first and later step of a job.
const beforeAfter: Bundle[] = beforeDir
  ? [
      { name: 'before', dir: beforeDir },
      { name: 'after', dir: 'dist' },
      { name: 'before', dir: beforeDir, warm: true },
      { name: 'after', dir: 'dist', warm: true },
    ]
  : [];
let comparison: Awaited<ReturnType<typeof compareBundles>> | undefined;
let profiles: Map<string, number>[] = [];
if (beforeDir) {
  progress(`cold check: ${beforeDir} (before) against dist/ (after)`);
  comparison = await compareBundles(emulator, node, beforeAfter, RUNS.coldStart);
  profiles = await profileBundles(
    emulator,
    node,
    beforeAfter.slice(0, 2),
    Math.min(3, RUNS.coldStart),
  );
}
let itemsFile: { items: ItemsFileRun; oneItem: ItemsFileRun } | undefined;
if (everything) {
  progress('items file of 100,000 lines');
  itemsFile = {
    items: await measureItemsFile(emulator, node, 100_000, RUNS.itemsFile),
    oneItem: await measureItemsFile(emulator, node, 1, RUNS.itemsFile),
  };
}
await emulator.close();

const range = (values: number[]) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? String(low) : `${low}–${high}`;
};

const operationRows = operations.map(({ operation, rounds, wall }) => {
  const depth = Math.max(...rounds.map((r) => r.depth));
  const revocations = rounds[0]?.revocations ?? 0;
  const revocationRounds = Math.max(...rounds.map((r) => r.revocationRounds));
  return [
    operation.label,
    `${range(rounds.map((r) => r.requests))} (+${revocations} revocations)`,
    `${range(rounds.map((r) => r.depth))} (+${revocationRounds})`,
    operation.depthTarget === undefined ? '—' : `≤ ${operation.depthTarget}`,
    operation.depthTarget === undefined ? '—' : verdict(depth, operation.depthTarget),
    milliseconds(wall.get(0) ?? NaN),
    milliseconds(wall.get(ROUND_TRIP) ?? NaN),
  ];
});

const bundleFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
    });
const bundle = bundleFiles('dist');
const sum = (key: 'bytes' | 'gzip') => bundle.reduce((total, file) => total + file[key], 0);
const main = bundle.find((file) => file.file === 'index.js');

function specRows(spec: SpecFileRun): string[][] {
  const retryAfter =
    spec.retryAfterSeconds === null ? 'no Retry-After' : `Retry-After: ${spec.retryAfterSeconds}`;
  const label = `spec file, ${spec.timers} new timers @${ROUND_TRIP} ms, ${spec.refused} creates 429 once${spec.together ? ' together' : ', spread'} (${retryAfter})`;
  return [
    [
      label,
      milliseconds(spec.milliseconds),
      '< 3 s',
      verdictBelow(spec.milliseconds / 1000, 3, ' s'),
    ],
    [
      '… timers created, of them twice',
      `${spec.created}, ${spec.duplicates}`,
      `${spec.timers}, 0`,
      spec.created === spec.timers && spec.duplicates === 0 ? 'met' : 'missed',
    ],
  ];
}

const ratio = cold.action / cold.floor;
const figureRows = [
  [`cold \`check\` by id, action (median of ${cold.runs})`, milliseconds(cold.action), '', ''],
  [
    `cold \`check\` by id, bench/floor.mjs (median of ${cold.runs})`,
    milliseconds(cold.floor),
    '',
    '',
  ],
  ['action ÷ floor', `${ratio.toFixed(2)}×`, '≤ 1.3×', verdict(Number(ratio.toFixed(2)), 1.3, '×')],
  [
    'CPU time (user + system), action ÷ floor',
    `${milliseconds(cold.cpu.action)} ÷ ${milliseconds(cold.cpu.floor)} = ${(cold.cpu.action / cold.cpu.floor).toFixed(2)}×`,
    '',
    '',
  ],
  ['peak RSS of the cold check', megabytes(cold.actionPeakRssKb), '', ''],
  [
    'action: start-up and exit (outside its requests) · first request to last answer',
    `${milliseconds(cold.phases.action.outside)} · ${milliseconds(cold.phases.action.requests)}`,
    '',
    '',
  ],
  [
    'floor: start-up and exit (outside its requests) · first request to last answer',
    `${milliseconds(cold.phases.floor.outside)} · ${milliseconds(cold.phases.floor.requests)}`,
    '',
    '',
  ],
  ['`node -e 0` (the runtime alone)', milliseconds(cold.bareNode), '', ''],
  [
    'the same check as a later step of its job (compile cache warm): time, CPU time',
    `${milliseconds(cold.later.action)} (${(cold.later.action / cold.floor).toFixed(2)}× floor), ${milliseconds(cold.later.cpu)}`,
    '',
    '',
  ],
  ['the bundle to a clean input failure (no request)', milliseconds(cold.loadOnly), '', ''],
  [
    `\`globus-timer-action --help\` (dist/cli/index.js), cold (median of ${cold.runs})`,
    milliseconds(cold.cliHelp),
    '',
    '',
  ],
  ...specs.flatMap(specRows),
  ...(itemsFile ? itemsRows(itemsFile.items, itemsFile.oneItem, RUNS.itemsFile) : []),
  [
    'bundle: dist/index.js (the entry: it loads the action, a chunk)',
    `${kilobytes(main?.bytes ?? 0)} (${kilobytes(main?.gzip ?? 0)} gzip)`,
    '',
    '',
  ],
  [
    `bundle: all ${bundle.length} dist/*.js files`,
    `${kilobytes(sum('bytes'))} (${kilobytes(sum('gzip'))} gzip)`,
    '',
    '',
  ],
];

console.log(header.join('\n'));
console.log();
if (everything) {
  console.log(
    markdownTable(
      [
        'operation',
        'requests',
        'depth (revocations)',
        'target',
        'depth vs target',
        'wall @0 ms',
        `wall @${ROUND_TRIP} ms`,
      ],
      operationRows,
    ),
  );
  console.log();
}
console.log(markdownTable(['figure', 'measured', 'target', 'verdict'], figureRows));
console.log();
const profiled = cold.profile.reduce((total, [, ms]) => total + ms, 0);
console.log(
  `Where a cold \`check\` spends its time: V8 CPU profile of the action's step, mean of ` +
    `${Math.min(3, cold.runs)} profiled runs (${milliseconds(profiled)} sampled; profiling slows it):`,
);
console.log();
console.log(
  markdownTable(
    ['place', 'time', 'share'],
    cold.profile.map(([place, ms]) => [
      place,
      milliseconds(ms),
      `${((100 * ms) / profiled).toFixed(0)} %`,
    ]),
  ),
);
console.log();
console.log(`Load average at the end: ${load()}.`);

if (comparison) {
  const { bundles, floor, bareNode, runs } = comparison;
  const label = (index: number) =>
    `${beforeAfter[index]?.name}, ${beforeAfter[index]?.warm ? 'compile cache warm (a later step of a job)' : "empty compile cache (a job's first step)"}`;
  const ratio = (value: number, of: number) =>
    `${milliseconds(value)} (${(value / of).toFixed(2)}×)`;
  console.log();
  console.log(
    `Cold \`check\` by id through ${beforeDir} (before) and dist/ (after), interleaved, median of ${runs} (÷ floor):`,
  );
  console.log();
  console.log(
    markdownTable(
      ['bundle', 'wall', 'CPU time', 'to a clean input failure'],
      [
        ...bundles.map((figures, index) => [
          label(index),
          ratio(figures.wall, floor.wall),
          ratio(figures.cpu, floor.cpu),
          milliseconds(figures.toInputFailure),
        ]),
        ['floor (`bench/floor.mjs`)', milliseconds(floor.wall), milliseconds(floor.cpu), ''],
        ['`node -e 0`', milliseconds(bareNode), '', ''],
      ],
    ),
  );
  const [before = new Map<string, number>(), after = new Map<string, number>()] = profiles;
  const places = [...new Set([...before.keys(), ...after.keys()])].sort(
    (a, b) =>
      (after.get(b) ?? 0) - (before.get(b) ?? 0) - ((after.get(a) ?? 0) - (before.get(a) ?? 0)),
  );
  const total = (profile: Map<string, number>) => [...profile.values()].reduce((a, b) => a + b, 0);
  const signed = (ms: number) => `${ms >= 0 ? '+' : '−'}${milliseconds(Math.abs(ms))}`;
  console.log();
  console.log(
    `Where the cold check's CPU time goes, before and after (V8 CPU profile, empty compile cache, mean of ${Math.min(3, runs)} profiled runs each; a package counts with what it had Node do, profiling slows it):`,
  );
  console.log();
  console.log(
    markdownTable(
      ['place', 'before', 'after', 'after − before'],
      [
        ...places.map((place) => [
          place,
          milliseconds(before.get(place) ?? 0),
          milliseconds(after.get(place) ?? 0),
          signed((after.get(place) ?? 0) - (before.get(place) ?? 0)),
        ]),
        [
          'total',
          milliseconds(total(before)),
          milliseconds(total(after)),
          signed(total(after) - total(before)),
        ],
      ],
    ),
  );
  const files = bundleFiles(beforeDir ?? 'dist');
  const sumOf = (list: typeof files, key: 'bytes' | 'gzip') =>
    list.reduce((sum, file) => sum + file[key], 0);
  console.log();
  console.log(
    `Bundle: before ${files.length} files, ${kilobytes(sumOf(files, 'bytes'))} (${kilobytes(sumOf(files, 'gzip'))} gzip); ` +
      `after ${bundle.length} files, ${kilobytes(sum('bytes'))} (${kilobytes(sum('gzip'))} gzip).`,
  );
}
