import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { oneLine, readActionYml } from '../../scripts/action-yml.js';
import { INPUT_CATALOG, OPERATIONS, type InputDefinition } from '../../src/input-catalog.js';
import { readInputs } from '../../src/inputs.js';
import { commandInputs, parseArgs } from '../../src/cli/args.js';
import { generalHelp, operationHelp, shellWord, wrap } from '../../src/cli/help.js';
import { OPERATION_HELP } from '../../src/cli/operation-help.js';
import { COMMAND_OPTIONS } from '../../src/cli/options.js';

/* --help and <operation> --help: written from action.yml and the catalog, examples that run. */

const action = readActionYml();
const catalog = INPUT_CATALOG as Record<string, InputDefinition>;
const NOT_FLAGS = ['operation', 'client-secret', 'github-token', 'summary'];

/** The usage lines of a help text: `  --name …` at the start of a line. */
const flagsIn = (help: string) => [...help.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]);

describe('generalHelp', () => {
  const help = generalHelp();

  it('lists every operation with what it does, and every option of the command', () => {
    for (const operation of OPERATIONS) {
      expect(help).toMatch(new RegExp(`^  ${operation} +\\S`, 'm'));
    }
    expect(flagsIn(help)).toEqual(Object.keys(COMMAND_OPTIONS));
  });

  it('says where credentials come from and what each exit code means', () => {
    expect(help).toContain('GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET');
    expect(help).toContain('--client-secret is refused');
    expect(help).toMatch(/^ {2}2 +plan --detailed-exitcode/m);
    expect(help).toMatch(/^ {2}130 +stopped by Ctrl-C/m);
  });
});

describe('operationHelp', () => {
  it.each(OPERATIONS)('%s: every flag it reads, with action.yml’s words', (operation) => {
    const help = operationHelp(operation);
    const reads = Object.keys(action.inputs).filter((name) => {
      const { operations } = catalog[name] as InputDefinition;
      return !NOT_FLAGS.includes(name) && (operations === 'all' || operations.includes(operation));
    });
    const options = flagsIn(help).filter((flag) => flag && flag in COMMAND_OPTIONS);
    expect(flagsIn(help).filter((flag) => !options.includes(flag))).toEqual(reads);
    expect(options.includes('detailed-exitcode')).toBe(operation === 'plan');
    const flat = oneLine(help);
    for (const name of reads) expect(flat).toContain(oneLine(action.inputs[name]?.description));
    expect(help).toContain(
      oneLine(OPERATION_HELP[operation].does).split(' ').slice(0, 4).join(' '),
    );
  });

  it('shows a switch both ways and marks repeatable flags', () => {
    const help = operationHelp('apply');
    expect(help).toContain('  --verify-checksum, --no-verify-checksum\n');
    expect(help).toContain('  --items ITEM  (repeatable)\n');
    expect(help).toContain('  --sync-level exists|size|mtime|checksum\n');
  });

  it.each(OPERATIONS)('%s: its example passes the action’s own input checks', async (operation) => {
    const workspace = mkdtempSync(join(tmpdir(), 'gta-cli-help-'));
    mkdirSync(join(workspace, 'transfer'));
    copyFileSync(
      new URL('../../examples/spec/timers.yml', import.meta.url),
      join(workspace, 'transfer', 'timers.yml'),
    );
    const { command, problems, warnings } = parseArgs(OPERATION_HELP[operation].example);
    expect([problems, warnings]).toEqual([[], []]);
    expect(command.operation).toBe(operation);
    const env = {
      GLOBUS_CLIENT_ID: '6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
      GLOBUS_CLIENT_SECRET: 'secret',
    };
    const inputs = await readInputs({
      getInput: commandInputs(command, env, undefined),
      env,
      workspace,
      now: () => DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' }),
    });
    expect(inputs.operation).toBe(operation);
  });
});

describe('text', () => {
  it('wraps at the width, words whole', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    expect(wrap(text, 20, '  ')).toEqual([
      '  one two three four',
      '  five six seven',
      '  eight nine ten',
      '  eleven twelve',
    ]);
    for (const line of generalHelp(60).split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('quotes an example argument only when a shell needs it', () => {
    expect(shellWord('pipeline/nightly')).toBe('pipeline/nightly');
    expect(shellWord('/a/, /b/, true')).toBe("'/a/, /b/, true'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});
