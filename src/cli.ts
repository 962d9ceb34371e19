#!/usr/bin/env node
import { startCompileCache } from './compile-cache.js';

/*
 * The command line's entry (`globus-timer-action`, the npm package's bin): the compile cache,
 * then the command, loaded after it so the cache covers it. Ctrl-C or SIGTERM (a CI cancelling
 * the job) stops the step — what is in flight is abandoned, the tokens are still revoked — and
 * a second one quits at once.
 */
startCompileCache();
const { runCli } = await import('./cli/run-cli.js');
const stopping = new AbortController();
const stop = (signal: NodeJS.Signals) => {
  if (stopping.signal.aborted) process.exit(signal === 'SIGTERM' ? 143 : 130);
  process.stderr.write(
    `\nInterrupted (${signal}): abandoning what is under way and revoking the tokens; again to quit at once\n`,
  );
  stopping.abort(signal);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Output piped into a reader that stopped reading (`| head`): nothing more to say, no stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: stopping.signal,
});
process.exitCode = code;
if (stopping.signal.aborted) {
  // A sleep the signal cut short still holds a timer: leave now, once the output is out.
  await new Promise((resolve) => process.stdout.write('', () => process.stderr.write('', resolve)));
  process.exit(code);
}
