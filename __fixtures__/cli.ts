import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, SEEDED_COLLECTIONS, type Emulator } from '../emulator/index.js';
import { runCli, type CliIo } from '../src/cli/run-cli.js';
import { emulatorEnv } from './harness.js';

/* The command line in process, against the emulator: what tests of src/cli/ share. */

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written (not a terminal). */
export class TextStream {
  text = '';
  write(text: string) {
    this.text += text;
  }
}

/** The demo client's credentials and the emulator's URLs, as a user would export them. */
export function cliEnv(emulator: Emulator): Record<string, string> {
  return {
    ...emulatorEnv(emulator),
    GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
    GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
  };
}

/** A transfer timer's flags, between two seeded collections. */
export function timerFlags(name: string, interval = '1h'): string[] {
  return [
    '--name',
    name,
    '--source-endpoint',
    SEEDED_COLLECTIONS.gcsv4Host.id,
    '--destination-endpoint',
    SEEDED_COLLECTIONS.guest.id,
    '--items',
    '/in/, /out/, true',
    '--interval',
    interval,
  ];
}

/**
 * Runs `globus-timer-action <argv>` in process, in a fresh working directory unless given one,
 * on the emulator's virtual clock (its sleeps move that clock, as runInProcess does).
 */
export async function cli(
  emulator: Emulator,
  argv: string[],
  io: Partial<CliIo> = {},
): Promise<CliRun> {
  const stdout = new TextStream();
  const stderr = new TextStream();
  const exitCode = await runCli(argv, {
    stdout,
    stderr,
    env: cliEnv(emulator),
    cwd: mkdtempSync(join(tmpdir(), 'gta-cli-')),
    step: {
      clock: () => emulator.now().getTime(),
      sleep: async (milliseconds) => {
        emulator.advance(milliseconds / 1000);
      },
      random: () => 0.5,
    },
    ...io,
  });
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}
