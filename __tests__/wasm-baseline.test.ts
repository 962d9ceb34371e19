import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { WASM_BASELINE_FLAGS } from '../src/wasm-baseline.js';

/*
 * The entry sets V8 flags at run time (src/wasm-baseline.ts). V8 takes a flag it does not know
 * without throwing, but says so on stderr, which would reach every step's log: the flags must be
 * ones this Node's V8 knows. (What they save is measured in BENCHMARKS.md, not here.)
 */

function setAtRunTime(flags: string) {
  const script = `require('node:v8').setFlagsFromString(${JSON.stringify(flags)})`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

describe('the flags that keep WebAssembly on its baseline compiler', () => {
  it('are known to this V8: set at run time, nothing is said', () => {
    const run = setAtRunTime(WASM_BASELINE_FLAGS);
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  it('would be noticed if they were not (a flag V8 does not know is named on stderr)', () => {
    const run = setAtRunTime(`${WASM_BASELINE_FLAGS} --no-wasm-such-flag`);
    expect(run.stderr).toContain('--no-wasm-such-flag');
  });

  it('are also accepted on the command line, where an unknown one is an error', () => {
    const run = spawnSync(process.execPath, [...WASM_BASELINE_FLAGS.split(' '), '-e', '0'], {
      encoding: 'utf8',
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});
