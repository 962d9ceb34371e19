/*
 * Rebuilds the bundle and fails when dist/ differs from what is committed: dist/ is what ships.
 * Run by .ci/run, by release.yml on the tag, and by the release script before it tags.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Rebuilds dist/ in `cwd` (npm run bundle, unless told otherwise). */
export type Bundle = (cwd: string) => void;

export const npmBundle: Bundle = (cwd) => {
  // npm is npm.cmd on Windows, which only a shell runs.
  execFileSync('npm', ['run', '--silent', 'bundle'], {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
};

/** Rebuilds the bundle; returns what git sees changed under dist/ ('' when it was fresh). */
export function staleDist(cwd: string, bundle: Bundle = npmBundle): string {
  bundle(cwd);
  return execFileSync('git', ['status', '--porcelain', '--', 'dist'], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const changed = staleDist(process.cwd());
  if (changed) {
    console.error('dist/ is not a fresh bundle of src/. Run `npm run bundle` and commit dist/:');
    console.error(changed);
    process.exit(1);
  }
  console.log('dist/ matches a fresh bundle of src/');
}
