import { startCompileCache } from './compile-cache.js';

// The compile cache first; the rest of the action is loaded after it (chunks of their own), so
// the cache covers it. The runner's side of the port (@actions/core) is wired here, not in main.
startCompileCache();
const [{ run }, { githubCore }] = await Promise.all([
  import('./main.js'),
  import('./github-core.js'),
]);
await run({ core: githubCore() });
