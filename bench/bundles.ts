/**
 * A cold `check` by id through several bundles (directories holding a built dist/: this one, a
 * copy of an earlier build), interleaved run by run so the machine's load falls on all alike,
 * beside bench/floor.mjs and `node -e 0`. Every step of a bundle gets an empty RUNNER_TEMP (an
 * empty compile cache: a job's first step) unless the bundle is `warm`: then one RUNNER_TEMP of
 * its own across its runs (a later step of a job; the unmeasured first round fills it). Also
 * where each bundle's check spends its CPU time, by package (profiled apart: profiling slows it).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, type Emulator } from '../emulator/index.js';
import { emulatorEnv } from '../__fixtures__/harness.js';
import { median, timedStep } from './measure.js';
import { existingTimerWithRun, stepEnv, succeeded } from './operations.js';
import { bundledPackage, timeByPackage, type CpuProfile } from './profile.js';

export interface Bundle {
  name: string;
  /** The directory holding the bundle's index.js. */
  dir: string;
  /** A later step of a job: the compile cache an earlier step left. */
  warm?: boolean;
}

export interface BundleFigures {
  name: string;
  /** Medians, ms: wall time, CPU time (user + system), and the bundle to a clean input failure. */
  wall: number;
  cpu: number;
  toInputFailure: number;
}

export interface Comparison {
  runs: number;
  bundles: BundleFigures[];
  floor: { wall: number; cpu: number };
  bareNode: number;
}

export async function compareBundles(
  emulator: Emulator,
  node: string,
  bundles: readonly Bundle[],
  runs: number,
): Promise<Comparison> {
  emulator.reset();
  const { 'job-id': jobId = '' } = await existingTimerWithRun(emulator);
  emulator.configure({ latency_ms: 0 });
  const actionEnv = stepEnv(emulator, { operation: 'check', 'job-id': jobId });
  const floorEnv = {
    ...emulatorEnv(emulator),
    GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
    GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
    'INPUT_JOB-ID': jobId,
  };
  // No credentials: the action stops at its inputs, having loaded everything a step loads first.
  const failingEnv = { INPUT_OPERATION: 'check', 'INPUT_JOB-ID': jobId };
  const temps = bundles.map((bundle): Record<string, string> =>
    bundle.warm ? { RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'gta-bench-job-')) } : {},
  );
  const samples = bundles.map(() => ({
    wall: [] as number[],
    cpu: [] as number[],
    fail: [] as number[],
  }));
  const floor = { wall: [] as number[], cpu: [] as number[] };
  const bare: number[] = [];
  for (let run = -1; run < runs; run += 1) {
    for (const [index, bundle] of bundles.entries()) {
      const args = [join(bundle.dir, 'index.js')];
      const env = { ...actionEnv, ...temps[index] };
      const wall = await timedStep(node, args, env);
      const probed = await timedStep(node, args, env, { usage: true });
      const failing = await timedStep(node, args, { ...failingEnv, ...temps[index] });
      if (failing.exitCode === 0)
        throw new Error(`${bundle.name}: the step without credentials did not fail`);
      if (run < 0) continue;
      samples[index]?.wall.push(succeeded(bundle.name, wall).milliseconds);
      samples[index]?.cpu.push(succeeded(bundle.name, probed).cpuMs ?? NaN);
      samples[index]?.fail.push(failing.milliseconds);
    }
    const floorWall = await timedStep(node, ['bench/floor.mjs'], floorEnv);
    const floorCpu = await timedStep(node, ['bench/floor.mjs'], floorEnv, { usage: true });
    const bareNode = await timedStep(node, ['-e', '0'], {});
    if (run < 0) continue;
    floor.wall.push(succeeded('floor', floorWall).milliseconds);
    floor.cpu.push(succeeded('floor', floorCpu).cpuMs ?? NaN);
    bare.push(bareNode.milliseconds);
  }
  emulator.reset();
  return {
    runs,
    bundles: bundles.map((bundle, index) => ({
      name: bundle.name,
      wall: median(samples[index]?.wall ?? []),
      cpu: median(samples[index]?.cpu ?? []),
      toInputFailure: median(samples[index]?.fail ?? []),
    })),
    floor: { wall: median(floor.wall), cpu: median(floor.cpu) },
    bareNode: median(bare),
  };
}

/**
 * Each bundle's cold check under `--cpu-prof`, `runs` times (interleaved, empty compile cache):
 * the mean CPU time by package, a package's code counting with what it had Node do (see
 * timeByPackage). One map per bundle.
 */
export async function profileBundles(
  emulator: Emulator,
  node: string,
  bundles: readonly Bundle[],
  runs: number,
): Promise<Map<string, number>[]> {
  emulator.reset();
  const { 'job-id': jobId = '' } = await existingTimerWithRun(emulator);
  emulator.configure({ latency_ms: 0 });
  const env = stepEnv(emulator, { operation: 'check', 'job-id': jobId });
  const dirs = bundles.map(() => mkdtempSync(join(tmpdir(), 'gta-bench-profile-')));
  for (let run = 0; run < runs; run += 1) {
    for (const [index, bundle] of bundles.entries()) {
      const args = ['--cpu-prof', `--cpu-prof-dir=${dirs[index]}`, join(bundle.dir, 'index.js')];
      succeeded(`profiled ${bundle.name}`, await timedStep(node, args, env));
    }
  }
  emulator.reset();
  const packageOfFrame = bundledPackage();
  return dirs.map((dir) => {
    const totals = new Map<string, number>();
    for (const file of readdirSync(dir)) {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      for (const [place, ms] of timeByPackage(profile, packageOfFrame)) {
        totals.set(place, (totals.get(place) ?? 0) + ms / runs);
      }
    }
    return totals;
  });
}
