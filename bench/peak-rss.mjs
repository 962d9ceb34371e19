// Preloaded by the benchmarks with `node --import`: when the process exits, writes its peak
// resident set size (kB, from getrusage) to the file BENCH_PEAK_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
