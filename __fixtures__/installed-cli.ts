import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The npm package as a newcomer gets it: `npm pack` of this checkout, installed from the
 * tarball into an empty project with no network (the package has no dependencies: the bundle
 * carries them), and its command run from node_modules/.bin as a shell would.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WINDOWS = process.platform === 'win32';

/** npm itself: the one running the tests when there is one (npm test), else npm on the PATH. */
export function npm(args: string[], cwd: string): string {
  const script = process.env.npm_execpath;
  if (script && /\.c?js$/.test(script)) {
    return execFileSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8' });
  }
  // npm is npm.cmd on Windows, which only a shell runs.
  return execFileSync('npm', args, { cwd, encoding: 'utf8', shell: WINDOWS });
}

export interface PackedFile {
  path: string;
}

export interface Installed {
  /** The tarball `npm pack` made, and what it holds. */
  tarball: string;
  files: string[];
  /** The empty project the tarball was installed into: the command's working directory. */
  project: string;
  /** node_modules/.bin/globus-timer-action (the .cmd shim on Windows). */
  bin: string;
}

/** Packs this checkout and installs the tarball, offline, into a new empty project. */
export function packAndInstall(): Installed {
  // Said plainly here, rather than as npm failing to fetch them offline.
  const { dependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  if (Object.keys(dependencies).length > 0) {
    throw new Error(
      `package.json has dependencies (${Object.keys(dependencies).join(', ')}): the bundle ` +
        'carries its libraries, so the package must install nothing. List them under ' +
        'devDependencies (CONTRIBUTING.md, "Releases").',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'gta-package-'));
  const packs = join(work, 'tarballs');
  const project = join(work, 'project');
  mkdirSync(packs);
  mkdirSync(project);
  const [packed] = JSON.parse(
    npm(['pack', '--json', '--silent', '--pack-destination', packs], ROOT),
  ) as { filename: string; files: PackedFile[] }[];
  if (!packed) throw new Error('npm pack made no tarball');
  const tarball = join(packs, packed.filename);
  writeFileSync(join(project, 'package.json'), '{ "name": "newcomer", "private": true }\n');
  npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--silent'], project);
  const bin = join(project, 'node_modules', '.bin', `globus-timer-action${WINDOWS ? '.cmd' : ''}`);
  return { tarball, files: packed.files.map((file) => file.path), project, bin };
}

export interface CommandRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the installed command with only the environment given (and what starting a program
 * needs), in the project's folder. `running` sees the child while it runs.
 */
export function runInstalled(
  installed: Installed,
  args: string[],
  env: Record<string, string>,
  running?: (child: ChildProcess) => void,
): Promise<CommandRun> {
  const childEnv: Record<string, string> = {
    // The shim starts `node` from the PATH: this Node, whatever else the PATH holds.
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    HOME: process.env.HOME ?? installed.project,
    ...env,
  };
  for (const name of ['SystemRoot', 'TEMP', 'TMP', 'USERPROFILE', 'PATHEXT', 'ComSpec']) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  // A .cmd shim runs only through cmd.exe, which takes the command line as one string.
  const child = WINDOWS
    ? spawn(`"${installed.bin}"`, args.map(cmdWord), {
        cwd: installed.project,
        env: childEnv,
        shell: true,
      })
    : spawn(installed.bin, args, { cwd: installed.project, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  running?.(child);
  return new Promise((resolve) =>
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr })),
  );
}

function cmdWord(word: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(word) ? word : `"${word}"`;
}
