/**
 * `tsx bench/compare.ts [--runs N] NAME=DIR…`: a cold `check` by id through each of several
 * bundles (a directory holding a built dist/, e.g. a copy of an earlier build), interleaved
 * run by run so the machine's load falls on all alike, beside bench/floor.mjs and `node -e 0`.
 * Prints the median wall and CPU time of each, and of the bundle to a clean input failure.
 * Every step gets an empty RUNNER_TEMP (an empty compile cache: a job's first step), but with
 * `NAME=DIR@cache` one RUNNER_TEMP of its own across its runs (a later step of a job; the
 * unmeasured first round warms it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, startEmulator } from '../emulator/index.js';
import { emulatorEnv } from '../__fixtures__/harness.js';
import { median, node24, timedStep } from './measure.js';
import { existingTimerWithRun, stepEnv, succeeded } from './operations.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const variants = args
  .filter((arg, index) => arg.includes('=') && index !== runsAt + 1)
  .map((arg) => {
    const [name = '', rest = ''] = arg.split('=');
    const [dir = '', temp = ''] = rest.split('@');
    return {
      name,
      entry: join(dir, 'index.js'),
      temp,
      warmTemp: mkdtempSync(join(tmpdir(), 'gta-cmp-')),
    };
  });
const node = node24();
const emulator = await startEmulator();
const { 'job-id': jobId = '' } = await existingTimerWithRun(emulator);
emulator.configure({ latency_ms: 0 });
const actionEnv = stepEnv(emulator, { operation: 'check', 'job-id': jobId });
const floorEnv = {
  ...emulatorEnv(emulator),
  GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
  GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
  'INPUT_JOB-ID': jobId,
};
const failingEnv = { INPUT_OPERATION: 'check', 'INPUT_JOB-ID': jobId };
const samples = new Map<string, { wall: number[]; cpu: number[]; failing: number[] }>();
const add = (name: string, key: 'wall' | 'cpu' | 'failing', value: number) => {
  const entry = samples.get(name) ?? { wall: [], cpu: [], failing: [] };
  entry[key].push(value);
  samples.set(name, entry);
};
const tempOf = (variant: (typeof variants)[number]): Record<string, string> =>
  variant.temp === 'cache' ? { RUNNER_TEMP: variant.warmTemp } : {};
for (let run = -1; run < runs; run += 1) {
  for (const variant of variants) {
    const wall = await timedStep(node, [variant.entry], { ...actionEnv, ...tempOf(variant) });
    const probed = await timedStep(
      node,
      [variant.entry],
      { ...actionEnv, ...tempOf(variant) },
      { usage: true },
    );
    const failing = await timedStep(node, [variant.entry], { ...failingEnv, ...tempOf(variant) });
    if (run < 0) continue;
    add(variant.name, 'wall', succeeded(variant.name, wall).milliseconds);
    add(variant.name, 'cpu', succeeded(variant.name, probed).cpuMs ?? NaN);
    add(variant.name, 'failing', failing.milliseconds);
  }
  const floor = await timedStep(node, ['bench/floor.mjs'], floorEnv);
  const floorCpu = await timedStep(node, ['bench/floor.mjs'], floorEnv, { usage: true });
  const bare = await timedStep(node, ['-e', '0'], {});
  if (run < 0) continue;
  add('floor', 'wall', succeeded('floor', floor).milliseconds);
  add('floor', 'cpu', succeeded('floor', floorCpu).cpuMs ?? NaN);
  add('node -e 0', 'wall', bare.milliseconds);
  process.stderr.write('.');
}
await emulator.close();
process.stderr.write('\n');
const floorWall = median(samples.get('floor')?.wall ?? []);
const floorCpu = median(samples.get('floor')?.cpu ?? []);
for (const [name, { wall, cpu, failing }] of samples) {
  const w = median(wall);
  const c = median(cpu);
  console.log(
    `${name.padEnd(14)} wall ${w.toFixed(0).padStart(4)} ms (${(w / floorWall).toFixed(2)}×)` +
      (cpu.length ? `  cpu ${c.toFixed(0).padStart(4)} ms (${(c / floorCpu).toFixed(2)}×)` : '') +
      (failing.length ? `  to input failure ${median(failing).toFixed(0)} ms` : ''),
  );
}
