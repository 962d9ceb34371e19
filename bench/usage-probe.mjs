// Preloaded by the benchmarks with `node --import`: when the process exits, writes its peak
// resident set size (kB) and the CPU time it used (µs, user and system), from getrusage, as
// JSON to the file BENCH_USAGE_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
}
