// Rebuilds the bundle and fails when dist/ differs from what is committed: dist/ is what ships.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', '--silent', 'bundle'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (changed.trim()) {
  console.error('dist/ is not a fresh bundle of src/. Run `npm run bundle` and commit dist/:');
  console.error(changed);
  process.exit(1);
}
console.log('dist/ matches a fresh bundle of src/');
