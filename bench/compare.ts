/**
 * `tsx bench/compare.ts [--runs N] NAME=DIR…`: a cold `check` by id through each of several
 * bundles (a directory holding a built dist/, e.g. a copy of an earlier build), interleaved
 * run by run, beside bench/floor.mjs and `node -e 0` (bench/bundles.ts). Prints the median wall
 * and CPU time of each, and of the bundle to a clean input failure. `NAME=DIR@cache` measures the
 * bundle as a later step of a job (its compile cache warm).
 */
import { startEmulator } from '../emulator/index.js';
import { compareBundles } from './bundles.js';
import { node24 } from './measure.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const bundles = args
  .filter((arg, index) => arg.includes('=') && index !== runsAt + 1)
  .map((arg) => {
    const [name = '', rest = ''] = arg.split('=');
    const [dir = '', cache = ''] = rest.split('@');
    return { name, dir, warm: cache === 'cache' };
  });
const emulator = await startEmulator();
const {
  bundles: figures,
  floor,
  bareNode,
} = await compareBundles(emulator, node24(), bundles, runs);
await emulator.close();
for (const { name, wall, cpu, toInputFailure } of figures) {
  console.log(
    `${name.padEnd(14)} wall ${wall.toFixed(0).padStart(4)} ms (${(wall / floor.wall).toFixed(2)}×)` +
      `  cpu ${cpu.toFixed(0).padStart(4)} ms (${(cpu / floor.cpu).toFixed(2)}×)` +
      `  to input failure ${toInputFailure.toFixed(0)} ms`,
  );
}
console.log(
  `${'floor'.padEnd(14)} wall ${floor.wall.toFixed(0).padStart(4)} ms  cpu ${floor.cpu.toFixed(0).padStart(4)} ms`,
);
console.log(`${'node -e 0'.padEnd(14)} wall ${bareNode.toFixed(0).padStart(4)} ms`);
