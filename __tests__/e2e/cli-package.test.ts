import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { cliEnv, timerFlags } from '../../__fixtures__/cli.js';
import {
  npm,
  packAndInstall,
  runInstalled,
  type CommandRun,
  type Installed,
} from '../../__fixtures__/installed-cli.js';
import { expectNoCredentialIn } from '../../__fixtures__/no-credentials.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A newcomer's first hour: the packed package installed from its tarball into an empty
 * project, offline, and its command driving a timer's life against the emulator — exit codes
 * and outputs as the README promises. Packed once for the file (dist/cli/ must be a fresh
 * bundle: npm run bundle).
 */

const emulator = useEmulator();
let installed: Installed;

beforeAll(() => {
  installed = packAndInstall();
}, 120_000);

async function command(args: string[]): Promise<CommandRun> {
  const run = await runInstalled(installed, args, cliEnv(emulator));
  expectNoCredentialIn(`${run.stdout}\n${run.stderr}`);
  return run;
}

const json = (run: CommandRun) => JSON.parse(run.stdout) as Record<string, unknown>;

describe('the package', () => {
  it('holds the bundled command and nothing it does not need', () => {
    const manifest = JSON.parse(
      readFileSync(
        join(installed.project, 'node_modules/globus-timer-action/package.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'globus-timer-action': 'dist/cli/index.js' });
    const unexpected = installed.files.filter(
      (file) => !/^dist\/cli\/[^/]+\.(js|txt|json)$/.test(file),
    );
    expect(unexpected.sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(installed.files).toContain('dist/cli/index.js');
  });

  it('prints its help from node_modules/.bin', async () => {
    const help = await command(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}globus-timer-action <operation>/m);
    const apply = await command(['apply', '--help']);
    expect(apply.stdout).toMatch(/^ {2}--items ITEM {2}\(repeatable\)$/m);
    // As the README has it: npx finds the installed command (npm exec is what npx runs).
    const npx = npm(
      ['exec', '--offline', '--', 'globus-timer-action', '--help'],
      installed.project,
    );
    expect(npx).toMatch(/^Usage:\n {2}globus-timer-action <operation>/m);
  });
});

describe('a timer’s life from a terminal', () => {
  it('applies, re-applies, plans, checks a failed transfer, pauses, resumes, lists, deletes', async () => {
    const applied = await command(['apply', ...timerFlags('newcomer'), '--output', 'json']);
    expect(applied.exitCode).toBe(0);
    expect(json(applied)).toMatchObject({ result: 'created', changed: 'true' });
    const jobId = String(json(applied)['job-id']);

    const again = await command(['apply', ...timerFlags('newcomer'), '--output', 'json']);
    expect(json(again)).toMatchObject({ result: 'unchanged', changed: 'false', 'job-id': jobId });

    const same = await command(['plan', ...timerFlags('newcomer'), '--detailed-exitcode']);
    expect(same.exitCode).toBe(0);
    const other = [
      'plan',
      ...timerFlags('newcomer', '2h'),
      '--detailed-exitcode',
      '--output',
      'json',
    ];
    const changed = await command(other);
    expect(changed.exitCode).toBe(2);
    expect(json(changed).plan).toMatchObject({ action: 'replace', job_id: jobId });

    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const checked = await command(['check', '--job-id', jobId, '--output', 'dotenv']);
    expect(checked.exitCode).toBe(1);
    expect(checked.stdout).toContain(`GLOBUS_TIMER_JOB_ID=${jobId}\n`);
    expect(checked.stdout).toContain('GLOBUS_TIMER_TRANSFER_STATUS=FAILED\n');
    expect(checked.stderr).toMatch(/transfer-failed: Transfer task \S+ FAILED/);

    const paused = await command(['pause', '--name', 'newcomer', '--output', 'json']);
    expect(json(paused)).toMatchObject({ result: 'paused', changed: 'true' });
    const resumed = await command(['resume', '--job-id', jobId, '--output', 'json']);
    expect(json(resumed)).toMatchObject({ result: 'resumed', changed: 'true' });
    const listed = await command(['list', '--name', 'newcomer', '--output', 'json']);
    expect(json(listed).timers).toEqual([expect.objectContaining({ job_id: jobId })]);

    const deleted = await command(['delete', '--name', 'newcomer', '--output', 'json']);
    expect(deleted.exitCode).toBe(0);
    expect(json(deleted)).toMatchObject({ result: 'deleted', changed: 'true', 'job-id': jobId });
    // Deleting it again (Globus is still deleting it, or it is gone) is no failure.
    const deletedAgain = await command(['delete', '--job-id', jobId]);
    expect(deletedAgain.exitCode).toBe(0);
  });

  it('waits for a run-once timer’s transfer', async () => {
    const args = ['create', ...timerFlags('once'), '--stop-after-runs', '1', '--output', 'json'];
    const jobId = String(json(await command(args))['job-id']);
    emulator.advance(60);
    const waited = await command(['wait', '--job-id', jobId, '--output', 'json']);
    expect(waited.exitCode).toBe(0);
    expect(json(waited)).toMatchObject({ result: 'checked', 'transfer-status': 'SUCCEEDED' });
  });

  it('applies a spec file named relative to the working directory', async () => {
    writeFileSync(
      join(installed.project, 'timers.yml'),
      [
        'defaults:',
        `  source-endpoint: ${SEEDED_COLLECTIONS.gcsv4Host.id}`,
        `  destination-endpoint: ${SEEDED_COLLECTIONS.guest.id}`,
        '  interval: 1d',
        'timers:',
        '  - name: spec/a',
        '    items: /a/, /backup/a/, true',
        '  - name: spec/b',
        '    items: /b/, /backup/b/, true',
        '',
      ].join('\n'),
    );
    const applied = await command(['apply', '--spec-file', 'timers.yml', '--output', 'json']);
    expect(applied.exitCode).toBe(0);
    expect(json(applied).timers).toEqual([
      expect.objectContaining({ name: 'spec/a', result: 'created' }),
      expect.objectContaining({ name: 'spec/b', result: 'created' }),
    ]);
    const plan = await command(['plan', '--spec-file', 'timers.yml', '--detailed-exitcode']);
    expect(plan.exitCode).toBe(0);
  });
});

describe('refusals, before anything is sent', () => {
  it('refuses the secret as a flag, and an unknown flag', async () => {
    emulator.clearRequests();
    const secret = await command(['list', '--client-secret', 'typed-in-the-open']);
    expect(secret.exitCode).toBe(1);
    expect(secret.stderr).toMatch(/--client-secret is refused: .*process list/);
    expect(secret.stderr).not.toContain('typed-in-the-open');
    const typo = await command(['apply', ...timerFlags('typo'), '--intreval', '2h']);
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain('unknown flag --intreval; did you mean --interval?');
    expect(emulator.requests()).toEqual([]);
  });
});

// Windows has no SIGINT to send a child: `kill` ends it outright there.
const posix = process.platform === 'win32' ? describe.skip : describe;

posix('Ctrl-C', () => {
  it('abandons a request Globus hangs on, revokes every token and exits 130', async () => {
    const created = await command(['create', ...timerFlags('hang'), '--output', 'json']);
    const before = emulator.state().tokens.length;
    emulator.clearRequests();
    emulator.setFault({ service: 'timers', method: 'GET', path: '/jobs/', delay_ms: 5000 });
    const hanging = () => emulator.requests().find((request) => request.path.startsWith('/jobs/'));
    const args = ['check', '--job-id', String(json(created)['job-id'])];
    const run = await runInstalled(installed, args, cliEnv(emulator), (child) => {
      // Ctrl-C once the read of the timer has reached Globus and hangs there.
      const press = () => (hanging() ? child.kill('SIGINT') : setTimeout(press, 10));
      press();
    });
    expect({ exitCode: run.exitCode, signal: run.signal }).toEqual({ exitCode: 130, signal: null });
    expect(hanging()?.answered_ms).toBeNull();
    const issued = emulator.state().tokens.slice(before);
    expect(issued.length).toBeGreaterThan(0);
    expect(issued.filter((token) => !token.revoked)).toEqual([]);
    expect(run.stderr).toMatch(/^Interrupted \(SIGINT\): abandoning what is under way/m);
    expect(run.stderr).toMatch(/^Stopped before check finished\./m);
    expectNoCredentialIn(run.stderr);
  });
});
