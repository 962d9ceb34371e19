import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import realModule from 'node:module';
import { join } from 'node:path';

// node:module as Node ≥ 22.1 has it (this suite runs on Node 20, which lacks
// enableCompileCache): each test says what enableCompileCache is, if anything.
let enableCompileCache: unknown;
jest.unstable_mockModule('node:module', () => ({
  default: new Proxy(realModule, {
    get: (target, key) =>
      key === 'enableCompileCache' ? enableCompileCache : Reflect.get(target, key),
  }),
}));
const { compileCacheDirectory, startCompileCache } = await import('../src/compile-cache.js');

const CACHE = 'globus-timer-action-compile-cache';

describe('compileCacheDirectory', () => {
  it('is under RUNNER_TEMP when the runner sets it', () => {
    expect(
      compileCacheDirectory({
        RUNNER_TEMP: '/runner/_temp',
        GITHUB_WORKSPACE: '/runner/work/repo',
      }),
    ).toBe(join('/runner/_temp', CACHE));
  });

  it('is under RUNNER_TEMP when no workspace is set (a local run)', () => {
    expect(compileCacheDirectory({ RUNNER_TEMP: '/tmp/run' })).toBe(join('/tmp/run', CACHE));
    expect(compileCacheDirectory({ RUNNER_TEMP: '/tmp/run', GITHUB_WORKSPACE: '' })).toBe(
      join('/tmp/run', CACHE),
    );
  });

  it("is Node's default (undefined) without RUNNER_TEMP, or with a relative one", () => {
    expect(compileCacheDirectory({})).toBeUndefined();
    expect(compileCacheDirectory({ RUNNER_TEMP: '' })).toBeUndefined();
    expect(compileCacheDirectory({ RUNNER_TEMP: 'tmp' })).toBeUndefined();
  });

  it('is never inside the workspace, whatever RUNNER_TEMP says', () => {
    const workspace = '/runner/work/repo';
    const inside = [
      workspace,
      `${workspace}/tmp`,
      `${workspace}/../repo/tmp`,
      `${workspace}/..tmp`,
    ];
    for (const temp of inside) {
      expect(compileCacheDirectory({ RUNNER_TEMP: temp, GITHUB_WORKSPACE: workspace })).toBe(
        undefined,
      );
    }
    expect(
      compileCacheDirectory({ RUNNER_TEMP: '/runner/work/repo-temp', GITHUB_WORKSPACE: workspace }),
    ).toBe(join('/runner/work/repo-temp', CACHE));
  });

  it('may be above the workspace, or beside it', () => {
    // A folder that holds the workspace is not inside it.
    const workspace = '/runner/work/repo';
    expect(
      compileCacheDirectory({ RUNNER_TEMP: '/runner/work', GITHUB_WORKSPACE: workspace }),
    ).toBe(join('/runner/work', CACHE));
    expect(compileCacheDirectory({ RUNNER_TEMP: '/other', GITHUB_WORKSPACE: workspace })).toBe(
      join('/other', CACHE),
    );
  });
});

describe('startCompileCache', () => {
  let calls: unknown[][];
  beforeEach(() => {
    calls = [];
    enableCompileCache = (...args: unknown[]) => {
      calls.push(args);
    };
  });

  it('turns the cache on under RUNNER_TEMP', () => {
    startCompileCache({ RUNNER_TEMP: '/runner/_temp', GITHUB_WORKSPACE: '/runner/work/repo' });
    expect(calls).toEqual([[join('/runner/_temp', CACHE)]]);
  });

  it("turns the cache on in Node's default directory without a usable RUNNER_TEMP", () => {
    startCompileCache({
      RUNNER_TEMP: '/runner/work/repo/tmp',
      GITHUB_WORKSPACE: '/runner/work/repo',
    });
    startCompileCache({});
    expect(calls).toEqual([[], []]);
  });

  it('reads the runner environment by default', () => {
    const saved = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = '/from/process/env';
    try {
      startCompileCache();
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TEMP;
      else process.env.RUNNER_TEMP = saved;
    }
    expect(calls).toEqual([[join('/from/process/env', CACHE)]]);
  });

  it('does nothing on a Node without a compile cache', () => {
    enableCompileCache = undefined;
    expect(() => startCompileCache({ RUNNER_TEMP: '/runner/_temp' })).not.toThrow();
    enableCompileCache = { not: 'a function' };
    expect(() => startCompileCache({ RUNNER_TEMP: '/runner/_temp' })).not.toThrow();
  });

  it('never fails the step when the cache cannot be turned on', () => {
    enableCompileCache = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(() => startCompileCache({ RUNNER_TEMP: '/runner/_temp' })).not.toThrow();
  });
});
