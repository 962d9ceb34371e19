/*
 * `npm run release -- X.Y.Z [--push]` cuts release vX.Y.Z. It refuses a version that is not
 * X.Y.Z or not above the current one, a tree with uncommitted or untracked files, an existing
 * tag, an empty `## Unreleased` in CHANGELOG.md and a dist/ that is not a fresh bundle of src/.
 * Then it moves the Unreleased entries under `## X.Y.Z — <today>`, sets the version in
 * package.json, package-lock.json and the User-Agent (src/globus/http.ts), rebuilds dist/ (which
 * carries that version), commits, tags vX.Y.Z and moves the major tag vX to it. Pushing is left
 * to the maintainer, who gets the exact commands, unless --push is given.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as changelog from './changelog.js';
import { npmBundle, staleDist, type Bundle } from './check-dist.js';

export interface ReleaseOptions {
  /** The repository to release. */
  cwd: string;
  version: string;
  /** The release date, YYYY-MM-DD; default today (UTC). */
  date?: string;
  bundle?: Bundle;
  push?: boolean;
}

export interface Released {
  tag: string;
  majorTag: string;
  /** What publishes the release: run by --push, else printed for the maintainer. */
  pushCommands: string[][];
}

/** A release that must not be made; the message says why and what to do. */
export class ReleaseRefused extends Error {}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const VERSION_CONSTANT = /export const VERSION = '[^']*';/;
const USER_AGENT_FILE = 'src/globus/http.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

export function release(options: ReleaseOptions): Released {
  const { cwd, version } = options;
  const bundle = options.bundle ?? npmBundle;
  checkReady(cwd, version, bundle);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  setVersion(cwd, version, date);
  bundle(cwd); // dist/ carries the version
  git(
    cwd,
    'add',
    '--',
    'CHANGELOG.md',
    'package.json',
    'package-lock.json',
    USER_AGENT_FILE,
    'dist',
  );
  git(cwd, 'commit', '--quiet', '-m', `Release v${version}`);
  const tag = `v${version}`;
  const majorTag = `v${version.split('.')[0]}`;
  git(cwd, 'tag', '-a', tag, '-m', tag);
  git(cwd, 'tag', '-f', '-a', majorTag, '-m', tag);
  const pushCommands = [
    ['git', 'push', 'origin', 'HEAD', tag],
    ['git', 'push', '--force', 'origin', majorTag],
  ];
  if (options.push) for (const [, ...args] of pushCommands) git(cwd, ...args);
  return { tag, majorTag, pushCommands };
}

function checkReady(cwd: string, version: string, bundle: Bundle): void {
  if (!SEMVER.test(version)) {
    throw new ReleaseRefused(`"${version}" is not a version of the form X.Y.Z (e.g. 1.2.0)`);
  }
  const current = readJson(cwd, 'package.json').version as string;
  if (!isAbove(version, current)) {
    throw new ReleaseRefused(`${version} is not above the current version ${current}`);
  }
  const dirty = git(cwd, 'status', '--porcelain');
  if (dirty) {
    throw new ReleaseRefused(`the working tree is not clean; commit or stash first:\n${dirty}`);
  }
  if (git(cwd, 'tag', '--list', `v${version}`)) {
    throw new ReleaseRefused(`tag v${version} exists already`);
  }
  if (!changelog.unreleased(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8'))) {
    throw new ReleaseRefused('CHANGELOG.md has nothing under "## Unreleased": say what changed');
  }
  const stale = staleDist(cwd, bundle);
  if (stale) {
    throw new ReleaseRefused(
      `dist/ is not a fresh bundle of src/; run \`npm run bundle\` and commit dist/:\n${stale}`,
    );
  }
}

function isAbove(version: string, current: string): boolean {
  const parts = (text: string) => text.split('.').map(Number);
  const [a, b] = [parts(version), parts(current)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

function setVersion(cwd: string, version: string, date: string): void {
  const path = (file: string) => join(cwd, file);
  writeFileSync(
    path('CHANGELOG.md'),
    changelog.release(readFileSync(path('CHANGELOG.md'), 'utf8'), version, date),
  );
  const manifest = readJson(cwd, 'package.json');
  writeJson(cwd, 'package.json', { ...manifest, version });
  const lock = readJson(cwd, 'package-lock.json');
  const packages = lock.packages as Record<string, Record<string, unknown>>;
  writeJson(cwd, 'package-lock.json', {
    ...lock,
    version,
    packages: { ...packages, '': { ...packages[''], version } },
  });
  const source = readFileSync(path(USER_AGENT_FILE), 'utf8');
  if (!VERSION_CONSTANT.test(source)) throw new Error(`${USER_AGENT_FILE} has no VERSION constant`);
  writeFileSync(
    path(USER_AGENT_FILE),
    source.replace(VERSION_CONSTANT, `export const VERSION = '${version}';`),
  );
}

function readJson(cwd: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(cwd, file), 'utf8')) as Record<string, unknown>;
}

/** As npm writes them: two spaces, a final newline. */
function writeJson(cwd: string, file: string, value: unknown): void {
  writeFileSync(join(cwd, file), `${JSON.stringify(value, null, 2)}\n`);
}

function main(argv: string[]): number {
  const version = argv.find((arg) => !arg.startsWith('--'));
  if (!version) {
    console.error('usage: npm run release -- X.Y.Z [--push]');
    return 2;
  }
  try {
    const released = release({ cwd: process.cwd(), version, push: argv.includes('--push') });
    const commands = released.pushCommands.map((command) => command.join(' '));
    console.log(`Tagged ${released.tag} and moved ${released.majorTag} to it.`);
    if (argv.includes('--push')) console.log(`Pushed:\n  ${commands.join('\n  ')}`);
    else console.log(`Publish it with:\n  ${commands.join('\n  ')}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error;
    console.error(`Release refused: ${error.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
