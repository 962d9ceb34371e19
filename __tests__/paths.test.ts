import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { isWithin } from '../src/paths.js';

const repo = join('/runner', 'work', 'repo');

describe('isWithin', () => {
  it.each([
    ['the directory itself', repo],
    ['a file in it', join(repo, 'items.csv')],
    ['a name starting with ..', join(repo, '..items.csv')],
    ['a folder starting with .., and a file in it', join(repo, '..cache', 'items.csv')],
    ['a path that goes up and comes back', join(repo, 'a', '..', 'b')],
  ])('holds for %s', (_what, path) => {
    expect(isWithin(path, repo)).toBe(true);
  });

  it.each([
    ['the folder above', join(repo, '..')],
    ['a file beside it', join(repo, '..', 'other', 'items.csv')],
    ['a folder whose name only starts the same', `${repo}-temp`],
    ['somewhere else', join('/', 'etc', 'passwd')],
  ])('does not hold for %s', (_what, path) => {
    expect(isWithin(path, repo)).toBe(false);
  });
});
