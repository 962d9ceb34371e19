/**
 * A cold `check` step against the floor: `bench/floor.mjs` sends the same requests with
 * node:http and nothing else. Both run as fresh processes, interleaved so drift in the machine's
 * load falls on both alike, at a 0 ms round trip (the cost measured is the client's own). The
 * breakdown says where the action's extra time goes: the runtime's own start, loading the
 * bundle (up to a clean input failure, before any request), and the step's requests. Each step
 * runs with an empty compile cache, as a job's first step does; `later` is the same check as a
 * later step of the job, given the RUNNER_TEMP (and so the compile cache) an earlier one left.
 * The command line's `--help` (dist/cli/index.js) is timed the same way: a fresh process, an
 * empty compile cache.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, type Emulator } from '../emulator/index.js';
import { emulatorEnv } from '../__fixtures__/harness.js';
import { median, timedStep, type Timed } from './measure.js';
import { existingTimerWithRun, stepEnv, succeeded } from './operations.js';
import { bySourcePackage, timeByPlace, type CpuProfile } from './profile.js';
import { requestSpan } from './report.js';

export interface ColdStart {
  runs: number;
  /** Medians, ms. */
  action: number;
  floor: number;
  /** `node -e 0`: the runtime alone. */
  bareNode: number;
  /** The bundle up to a clean input failure: module load and input reading, no request. */
  loadOnly: number;
  /** `globus-timer-action --help` (dist/cli/index.js), its compile cache empty. */
  cliHelp: number;
  /**
   * Median CPU time (user + system) of each, in runs of their own, ms: on a loaded machine
   * steadier than wall time, which also counts the time spent waiting for a core.
   */
  cpu: { action: number; floor: number };
  /**
   * Medians, per run, of the first request's arrival to the last answer (`requests`) and of
   * the rest of the run (`outside`: start-up before the first request, exit after the last).
   */
  phases: { action: Phases; floor: Phases };
  /** The check as a later step of a job, its compile cache warm: median wall and CPU time, ms. */
  later: { action: number; cpu: number };
  /** The highest peak RSS of the action's check, kB. */
  actionPeakRssKb: number;
  /** Mean ms by place over the profiled runs of the action's check (profiling slows it). */
  profile: [place: string, milliseconds: number][];
}

export interface Phases {
  requests: number;
  outside: number;
}

/** Runs a step on a clean request log: its wall time split at its first and last request. */
async function phased(emulator: Emulator, label: string, step: () => Promise<Timed>) {
  emulator.clearRequests();
  const timed = succeeded(label, await step());
  const requests = requestSpan(emulator.requests());
  return { milliseconds: timed.milliseconds, requests, outside: timed.milliseconds - requests };
}

const medianPhases = (runs: Phases[]): Phases => ({
  requests: median(runs.map((run) => run.requests)),
  outside: median(runs.map((run) => run.outside)),
});

export async function measureColdStart(
  emulator: Emulator,
  node: string,
  runs: number,
): Promise<ColdStart> {
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
  const samples = { action: [] as number[], floor: [] as number[], bare: [] as number[] };
  const loadOnly: number[] = [];
  const cliHelp: number[] = [];
  const cpu = { action: [] as number[], floor: [] as number[] };
  const phases = { action: [] as Phases[], floor: [] as Phases[] };
  const later = { action: [] as number[], cpu: [] as number[] };
  const laterEnv = { ...actionEnv, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'gta-bench-job-')) };
  let actionPeakRssKb = 0;
  // One unmeasured round first: the file cache and npx's node binary warm, as on a runner.
  for (let run = -1; run < runs; run += 1) {
    const action = await phased(emulator, 'check', () =>
      timedStep(node, ['dist/index.js'], actionEnv),
    );
    const floor = await phased(emulator, 'floor', () =>
      timedStep(node, ['bench/floor.mjs'], floorEnv),
    );
    const bare = await timedStep(node, ['-e', '0'], {});
    const failing = await timedStep(node, ['dist/index.js'], failingEnv);
    if (failing.exitCode === 0) throw new Error('the step without credentials did not fail');
    const help = await timedStep(node, ['dist/cli/index.js', '--help'], {});
    if (help.exitCode !== 0 || !help.stdout.includes('Usage:')) {
      throw new Error('globus-timer-action --help did not print its help');
    }
    // Again with the usage probe (its own small import would blur the wall times above).
    const probed = await timedStep(node, ['dist/index.js'], actionEnv, { usage: true });
    const probedFloor = await timedStep(node, ['bench/floor.mjs'], floorEnv, { usage: true });
    // The unmeasured round leaves the compile cache these find.
    const laterStep = await timedStep(node, ['dist/index.js'], laterEnv);
    const laterProbed = await timedStep(node, ['dist/index.js'], laterEnv, { usage: true });
    if (run < 0) continue;
    later.action.push(succeeded('later check', laterStep).milliseconds);
    later.cpu.push(succeeded('later check', laterProbed).cpuMs ?? NaN);
    cpu.action.push(succeeded('check', probed).cpuMs ?? NaN);
    cpu.floor.push(succeeded('floor', probedFloor).cpuMs ?? NaN);
    actionPeakRssKb = Math.max(actionPeakRssKb, probed.peakRssKb ?? 0);
    phases.action.push(action);
    phases.floor.push(floor);
    samples.action.push(action.milliseconds);
    samples.floor.push(floor.milliseconds);
    samples.bare.push(bare.milliseconds);
    loadOnly.push(failing.milliseconds);
    cliHelp.push(help.milliseconds);
  }
  const profile = await profileCheck(node, actionEnv, Math.min(3, runs));
  emulator.reset();
  return {
    profile,
    runs,
    action: median(samples.action),
    floor: median(samples.floor),
    bareNode: median(samples.bare),
    loadOnly: median(loadOnly),
    cliHelp: median(cliHelp),
    cpu: { action: median(cpu.action), floor: median(cpu.floor) },
    phases: { action: medianPhases(phases.action), floor: medianPhases(phases.floor) },
    later: { action: median(later.action), cpu: median(later.cpu) },
    actionPeakRssKb,
  };
}

/** The check under `--cpu-prof`, `runs` times: the mean time by place. */
async function profileCheck(
  node: string,
  env: Record<string, string>,
  runs: number,
): Promise<[string, number][]> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-bench-profile-'));
  for (let run = 0; run < runs; run += 1) {
    const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist/index.js'];
    succeeded('profiled check', await timedStep(node, args, env));
  }
  const totals = new Map<string, number>();
  const refine = bySourcePackage();
  for (const file of readdirSync(dir)) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    for (const [place, ms] of timeByPlace(profile, refine)) {
      totals.set(place, (totals.get(place) ?? 0) + ms / runs);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
