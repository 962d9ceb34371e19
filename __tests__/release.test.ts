import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { release as releaseChangelog, releaseNotes, unreleased } from '../scripts/changelog.js';
import { release, ReleaseRefused, type ReleaseOptions } from '../scripts/release.js';

/*
 * The release script, run in small throwaway repositories laid out like this one. Their
 * "bundle" writes dist/index.js from the VERSION in src/, so dist/ is stale exactly when it does
 * not match src/, as with the real bundle, in milliseconds.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
// The loader by its URL: the throwaway repository has no node_modules to find it in.
const TSX = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const emptyConfig = join(mkdtempSync(join(tmpdir(), 'gta-gitconfig-')), 'config');
writeFileSync(emptyConfig, '');
// Tests must not depend on (or sign with) the developer's git configuration.
const GIT_ENV = {
  GIT_CONFIG_GLOBAL: emptyConfig,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.org',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.org',
};
Object.assign(process.env, GIT_ENV);

const CHANGELOG = [
  '# Changelog',
  '',
  '## Unreleased',
  '',
  '### Added',
  '',
  '- Spec files.',
  '',
  '## 0.1.0 — 2026-01-05',
  '',
  '- The first release.',
  '',
].join('\n');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const bundle = (cwd: string) => {
  const version = /VERSION = '([^']*)'/.exec(read(cwd, 'src/globus/http.ts'))?.[1];
  write(cwd, 'dist/index.js', `// bundle of ${version}\n`);
};
const read = (cwd: string, file: string) => readFileSync(join(cwd, file), 'utf8');
function write(cwd: string, file: string, text: string): void {
  mkdirSync(dirname(join(cwd, file)), { recursive: true });
  writeFileSync(join(cwd, file), text);
}

/** A committed repository at version 0.1.0 with a fresh dist/, changed as `files` say. */
function repository(files: Record<string, string> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'gta-release-'));
  git(cwd, 'init', '--quiet');
  const lock = {
    name: 'x',
    version: '0.1.0',
    lockfileVersion: 3,
    packages: { '': { name: 'x', version: '0.1.0' } },
  };
  const defaults: Record<string, string> = {
    'CHANGELOG.md': CHANGELOG,
    'package.json': `${JSON.stringify({ name: 'x', version: '0.1.0', private: true }, null, 2)}\n`,
    'package-lock.json': `${JSON.stringify(lock, null, 2)}\n`,
    'src/globus/http.ts': "export const VERSION = '0.1.0';\n",
    'dist/index.js': '// bundle of 0.1.0\n',
  };
  for (const [file, text] of Object.entries({ ...defaults, ...files })) write(cwd, file, text);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '--quiet', '-m', 'Start');
  return cwd;
}

const releaseIn = (cwd: string, options: Partial<ReleaseOptions> = {}) =>
  release({ cwd, version: '1.0.0', date: '2026-12-02', bundle, ...options });

describe('npm run release', () => {
  it('moves Unreleased under the version, bumps it everywhere, commits and tags', () => {
    const cwd = repository();
    const released = releaseIn(cwd);
    expect(released).toEqual({
      tag: 'v1.0.0',
      majorTag: 'v1',
      pushCommands: [
        ['git', 'push', 'origin', 'HEAD', 'v1.0.0'],
        ['git', 'push', '--force', 'origin', 'v1'],
      ],
    });
    const changelog = read(cwd, 'CHANGELOG.md');
    expect(changelog).toContain(
      '## Unreleased\n\n## 1.0.0 — 2026-12-02\n\n### Added\n\n- Spec files.\n\n## 0.1.0',
    );
    expect(releaseNotes(changelog, '1.0.0')).toBe('### Added\n\n- Spec files.');
    expect(JSON.parse(read(cwd, 'package.json')).version).toBe('1.0.0');
    const lock = JSON.parse(read(cwd, 'package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual(['1.0.0', '1.0.0']);
    expect(read(cwd, 'src/globus/http.ts')).toBe("export const VERSION = '1.0.0';\n");
    expect(read(cwd, 'dist/index.js')).toBe('// bundle of 1.0.0\n');
    expect(git(cwd, 'status', '--porcelain')).toBe('');
    expect(git(cwd, 'log', '-1', '--format=%s')).toBe('Release v1.0.0');
    const head = git(cwd, 'rev-parse', 'HEAD');
    expect(git(cwd, 'rev-parse', 'v1.0.0^{commit}', 'v1^{commit}')).toBe(`${head}\n${head}`);
  });

  it('moves the major tag on the next release', () => {
    const cwd = repository();
    releaseIn(cwd);
    write(
      cwd,
      'CHANGELOG.md',
      read(cwd, 'CHANGELOG.md').replace('## Unreleased\n', '## Unreleased\n\n- A fix.\n'),
    );
    git(cwd, 'commit', '--quiet', '-am', 'Fix');
    releaseIn(cwd, { version: '1.0.1' });
    expect(git(cwd, 'rev-parse', 'v1^{commit}')).toBe(git(cwd, 'rev-parse', 'HEAD'));
    expect(git(cwd, 'rev-parse', 'v1.0.0^{commit}')).toBe(git(cwd, 'rev-parse', 'HEAD~2'));
  });

  it.each([
    [
      'a version that is not X.Y.Z',
      () => releaseIn(repository(), { version: 'v1.0' }),
      'is not a version of the form X.Y.Z',
    ],
    [
      'a version not above the current one',
      () => releaseIn(repository(), { version: '0.1.0' }),
      'is not above the current version 0.1.0',
    ],
    [
      'a modified file',
      () => releaseIn(changed(repository(), 'CHANGELOG.md')),
      'the working tree is not clean',
    ],
    ['an untracked file', () => releaseIn(changed(repository(), 'notes.txt')), '?? notes.txt'],
    [
      'an existing tag',
      () => releaseIn(tagged(repository(), 'v1.0.0')),
      'tag v1.0.0 exists already',
    ],
    [
      'an empty Unreleased section',
      () =>
        releaseIn(
          repository({
            'CHANGELOG.md': '# Changelog\n\n## Unreleased\n\n## 0.1.0 — 2026-01-05\n\n- First.\n',
          }),
        ),
      'nothing under "## Unreleased"',
    ],
    [
      'a stale dist/',
      () => releaseIn(repository({ 'dist/index.js': '// bundle of something older\n' })),
      'dist/ is not a fresh bundle of src/',
    ],
  ])('refuses %s, and changes nothing', (_, act, message) => {
    expect(act).toThrow(ReleaseRefused);
    expect(act).toThrow(message);
  });

  it('leaves the repository as it was when it refuses', () => {
    const cwd = repository({ 'CHANGELOG.md': '# Changelog\n\n## Unreleased\n' });
    expect(() => releaseIn(cwd)).toThrow(ReleaseRefused);
    expect([git(cwd, 'status', '--porcelain'), git(cwd, 'tag', '--list')]).toEqual(['', '']);
  });

  it('exits non-zero from the command line, saying why', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', TSX, join(root, 'scripts/release.ts'), '1.0'],
      {
        cwd: repository(),
        encoding: 'utf8',
        env: { ...process.env, ...GIT_ENV },
      },
    );
    expect(run.stderr).toContain('Release refused: "1.0" is not a version of the form X.Y.Z');
    expect(run.status).toBe(1);
  });
});

function changed(cwd: string, file: string): string {
  write(cwd, file, 'changed\n');
  return cwd;
}

function tagged(cwd: string, tag: string): string {
  git(cwd, 'tag', tag);
  return cwd;
}

describe('CHANGELOG.md', () => {
  it('releases as a whole: the notes of the release are what Unreleased held', () => {
    const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    const entries = unreleased(text);
    expect(entries).toContain('### Added');
    const released = releaseChangelog(text, '9.9.9', '2026-12-02');
    expect(releaseNotes(released, '9.9.9')).toBe(entries);
    expect(unreleased(released)).toBe('');
    expect(released.startsWith(text.slice(0, text.indexOf('## Unreleased')))).toBe(true);
  });
});
