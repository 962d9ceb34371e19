import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A workspace file is refused only when its path leaves the workspace; a name that merely
 * starts with ".." stays inside it.
 */

const emulator = useEmulator();

const workspace = mkdtempSync(join(tmpdir(), 'gta-dotdot-'));
mkdirSync(join(workspace, 'repo'));
writeFileSync(join(workspace, 'repo', '..items.csv'), '/share/a.txt, /backup/a.txt, false\n');
writeFileSync(join(workspace, 'outside.csv'), '/share/b.txt, /backup/b.txt, false\n');

const create = (itemsFile: string) =>
  runInProcess(
    emulator,
    {
      operation: 'create',
      name: 'dotdot',
      'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
      'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
      'items-file': itemsFile,
      interval: '1d',
    },
    { GITHUB_WORKSPACE: join(workspace, 'repo') },
  );

describe('items-file names with ..', () => {
  it('creates the timer from "..items.csv", a file inside the workspace', async () => {
    const core = await create('..items.csv');
    expect(core.failed).toBeUndefined();
    const sent = emulator.requests().find((r) => r.path === '/v2/timer')?.body as {
      timer: { body: { DATA: unknown[] } };
    };
    expect(sent.timer.body.DATA).toEqual([
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/share/a.txt',
        destination_path: '/backup/a.txt',
        recursive: false,
      },
    ]);
  });

  it('refuses "../outside.csv", which leaves it, and sends nothing', async () => {
    const core = await create('../outside.csv');
    expect(core.failed).toMatch(
      /^Invalid inputs; nothing was sent to Globus:\n- items-file: \.\.\/outside\.csv: lies outside the workspace/,
    );
    expect(emulator.requests()).toEqual([]);
  });
});
