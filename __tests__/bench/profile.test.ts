import { describe, expect, it } from '@jest/globals';
import {
  packageOf,
  placeOf,
  timeByPackage,
  timeByPlace,
  type CpuProfile,
} from '../../bench/profile.js';

/* Summing a cold step's CPU profile by where each sample was. */

describe('placeOf', () => {
  it('names the bundle file, Node, WebAssembly, the collector and idle time apart', () => {
    expect(placeOf('run', 'file:///repo/dist/index.js')).toBe('dist/index.js');
    expect(placeOf('parse', 'file:///repo/dist/175.index.js')).toBe('dist/175.index.js');
    expect(placeOf('readFileSync', 'node:fs')).toBe('Node: other built-ins (http, streams…)');
    expect(placeOf('link', 'node:internal/modules/esm/module_job')).toBe('Node: loading modules');
    expect(placeOf('execute', 'wasm://wasm/abc')).toBe('WebAssembly');
    expect(placeOf('(garbage collector)', '')).toBe('garbage collection');
    expect(placeOf('(idle)', '')).toBe('idle (waiting on I/O)');
    expect(placeOf('(program)', '')).toBe('V8 (compiling, start-up) and other');
  });
});

describe('packageOf', () => {
  it('names the package a bundled source is from, or the action, or the bundler', () => {
    expect(packageOf('../node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(packageOf('../node_modules/@actions/core/lib/core.js')).toBe('@actions/core');
    expect(packageOf('../src/main.ts')).toBe('the action (src/)');
    expect(packageOf('../webpack/runtime/ensure chunk')).toBe('bundler glue');
  });
});

describe('timeByPlace', () => {
  it('gives each sample the time until the next one, largest place first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '' } },
        { id: 2, callFrame: { functionName: 'main', url: 'file:///r/dist/index.js' } },
      ],
      samples: [2, 1, 2, 2],
      timeDeltas: [0, 1000, 4000, 2000],
    };
    // sample 0 (dist) ran 1 ms, sample 1 (idle) 4 ms, sample 2 (dist) 2 ms, the last: unknown
    expect(timeByPlace(profile)).toEqual([
      ['idle (waiting on I/O)', 4],
      ['dist/index.js', 3],
    ]);
  });
});

describe('timeByPackage', () => {
  it('gives a sample to the nearest bundled frame on its stack, else to its own place', () => {
    // root → undici's code → Node compiling a built-in it requires; root → loading a file; idle
    const frame = (functionName: string, url: string) => ({ functionName, url });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
        { id: 2, callFrame: frame('connect', 'file:///r/dist/752.index.js'), children: [3] },
        { id: 3, callFrame: frame('compileForInternalLoader', 'node:internal/bootstrap/realm') },
        { id: 4, callFrame: frame('compileSourceTextModule', 'node:internal/modules/esm/utils') },
        { id: 5, callFrame: frame('(idle)', '') },
      ],
      samples: [3, 2, 4, 5, 5],
      timeDeltas: [0, 1000, 2000, 4000, 8000],
    };
    const packages = new Map([['file:///r/dist/752.index.js', 'undici']]);
    expect(timeByPackage(profile, ({ url }) => packages.get(url))).toEqual([
      ['idle (waiting on I/O)', 8],
      ['Node: loading modules', 4],
      ['undici', 3],
    ]);
  });
});
