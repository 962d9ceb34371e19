import { startCompileCache } from './compile-cache.js';

// The compile cache first; the rest of the action is loaded after it (a chunk of its own), so
// the cache covers it.
startCompileCache();
const { run } = await import('./main.js');
await run();
