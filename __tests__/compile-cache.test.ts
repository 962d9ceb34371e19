import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { compileCacheDirectory, startCompileCache } from '../src/compile-cache.js';

describe('compileCacheDirectory', () => {
  it('is under RUNNER_TEMP when the runner sets it', () => {
    expect(
      compileCacheDirectory({
        RUNNER_TEMP: '/runner/_temp',
        GITHUB_WORKSPACE: '/runner/work/repo',
      }),
    ).toBe(join('/runner/_temp', 'globus-timer-action-compile-cache'));
  });

  it("is Node's default (undefined) without RUNNER_TEMP, or with a relative one", () => {
    expect(compileCacheDirectory({})).toBeUndefined();
    expect(compileCacheDirectory({ RUNNER_TEMP: '' })).toBeUndefined();
    expect(compileCacheDirectory({ RUNNER_TEMP: 'tmp' })).toBeUndefined();
  });

  it('is never inside the workspace, whatever RUNNER_TEMP says', () => {
    const workspace = '/runner/work/repo';
    for (const temp of [workspace, `${workspace}/tmp`, `${workspace}/../repo/tmp`]) {
      expect(compileCacheDirectory({ RUNNER_TEMP: temp, GITHUB_WORKSPACE: workspace })).toBe(
        undefined,
      );
    }
    expect(
      compileCacheDirectory({ RUNNER_TEMP: '/runner/work/repo-temp', GITHUB_WORKSPACE: workspace }),
    ).toBe(join('/runner/work/repo-temp', 'globus-timer-action-compile-cache'));
  });
});

describe('startCompileCache', () => {
  it('never throws, even where no cache can be written', () => {
    expect(() =>
      startCompileCache({ RUNNER_TEMP: '/dev/null/cannot-be-a-directory' }),
    ).not.toThrow();
  });
});
