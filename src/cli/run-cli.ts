import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunDeps } from '../main.js';
import { realClock, realSleep } from '../ports.js';
import { commandInputs, parseArgs, type Command } from './args.js';
import { COMMAND, generalHelp, operationHelp } from './help.js';
import { Progress, type Ticker } from './progress.js';
import { EXIT, SIGNAL_EXIT, exitCodeOf, formatOutputs } from './results.js';
import { Screen, wantsColour, type Stream } from './screen.js';
import { TerminalCore } from './terminal-core.js';

/** What the command line touches outside itself; tests give their own. */
export interface CliIo {
  stdout: Stream;
  stderr: Stream;
  env: Record<string, string | undefined>;
  /** The working directory: where relative paths start, and the action's workspace. */
  cwd: string;
  /** Aborted by Ctrl-C (SIGINT) or SIGTERM, with the signal's name as its reason. */
  signal?: AbortSignal;
  /** The step's clock, sleep, randomness and transport (tests put the emulator's in). */
  step?: Partial<Pick<RunDeps, 'clock' | 'sleep' | 'random' | 'transport'>>;
  ticker?: Ticker;
}

/** `globus-timer-action <operation> [--<input> <value>]...`: runs it, answers the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { command, problems, warnings } = parseArgs(argv);
  const screen = new Screen(io.stderr, wantsColour(io.stderr, io.env));
  const width = Math.min(100, Math.max(60, io.stdout.columns || 80));
  if (command.version) {
    const { VERSION } = await import('../globus/http.js');
    io.stdout.write(`${VERSION}\n`);
    return EXIT.success;
  }
  if (command.help) {
    io.stdout.write(
      command.operation ? operationHelp(command.operation, width) : generalHelp(width),
    );
    return EXIT.success;
  }
  if (argv.length === 0) {
    io.stderr.write(generalHelp(width));
    return EXIT.failure;
  }
  if (!command.operation && problems.length === 0) {
    problems.push('no operation: the first argument says what to do (apply, plan, check, …)');
  }
  const secret = readSecretFile(command, io.cwd, problems);
  const label = (text: string) => screen.paint('red', text);
  if (problems.length > 0) {
    for (const problem of problems) screen.print(`${label('error:')} ${problem}`);
    const more = command.operation ? `${command.operation} --help` : '--help';
    screen.print(`Nothing was sent to Globus. See \`${COMMAND} ${more}\`.`);
    return EXIT.failure;
  }
  for (const warning of warnings) screen.print(`${screen.paint('yellow', 'warning:')} ${warning}`);
  return step(command, io, screen, secret);
}

async function step(
  command: Command,
  io: CliIo,
  screen: Screen,
  secret: string | undefined,
): Promise<number> {
  const interrupted = () => io.signal?.aborted === true;
  const core = new TerminalCore({
    input: commandInputs(command, io.env, secret),
    screen,
    verbose: command.verbose,
    interrupted,
    ...(command.summaryFile ? { summaryFile: resolve(io.cwd, command.summaryFile) } : {}),
  });
  const clock = io.step?.clock ?? realClock;
  const progress = new Progress(screen, clock, command.operation ?? '', io.ticker);
  // The action itself is loaded only now: `--help` and a bad flag never pay for it.
  const { run } = await import('../main.js');
  try {
    await run({
      ...io.step,
      core,
      // Paths start in the working directory, the command's stand-in for the workspace.
      env: { ...io.env, GITHUB_WORKSPACE: io.cwd },
      clock,
      sleep: progress.sleeper(io.step?.sleep ?? realSleep),
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    progress.stop();
  }
  core.flush();
  if (interrupted()) {
    screen.print(
      `Stopped before ${command.operation} finished. What was under way may or may not have ` +
        `happened in Globus: \`${COMMAND} list\` shows the timers as they are.`,
    );
    return SIGNAL_EXIT[String(io.signal?.reason)] ?? SIGNAL_EXIT.SIGINT ?? EXIT.failure;
  }
  io.stdout.write(formatOutputs(core.outputs, command.output, command.dotenvPrefix));
  return exitCodeOf({
    failed: core.failure !== undefined,
    detailedExitcode: command.detailedExitcode,
    outputs: core.outputs,
  });
}

/** The secret in `--client-secret-file`: its first line. */
function readSecretFile(command: Command, cwd: string, problems: string[]): string | undefined {
  const file = command.clientSecretFile;
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(`--client-secret-file: ${file}: ${code === 'ENOENT' ? 'not found' : code}`);
    return undefined;
  }
  const secret = (text.split(/\r?\n/)[0] ?? '').trim();
  if (!secret) problems.push(`--client-secret-file: ${file} is empty`);
  return secret;
}
