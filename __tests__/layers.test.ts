import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run lint` checks the layers with dependency-cruiser (.dependency-cruiser.mjs). Proven
 * here on a scratch copy of src/ and emulator/: the copy as it is passes, and the same copy with
 * an import up a layer, a circle, and src/ and emulator/ reaching into each other fails, naming
 * each rule and file. The command is the one package.json's lint:deps runs.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const cruiser = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gta-layers-'));
  for (const path of ['src', 'emulator', 'tsconfig.json', '.dependency-cruiser.mjs']) {
    cpSync(join(root, path), join(dir, path), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
  return dir;
}

function lintDeps(cwd: string): { status: number | null; output: string } {
  const [command, ...args] = (manifest.scripts['lint:deps'] ?? '').split(' ');
  expect(command).toBe('depcruise');
  const run = spawnSync(process.execPath, [cruiser, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layer rules of npm run lint', () => {
  it('pass on the house as it is, and fail on each kind of wrong import', () => {
    const dir = scratchCopy();
    const clean = lintDeps(dir);
    expect(clean.output).toContain('no dependency violations found');
    expect(clean.status).toBe(0);

    // The wire asks an operation for a type: one layer reaching up three.
    const http = join(dir, 'src/globus/http.ts');
    writeFileSync(
      http,
      `import type { OperationContext } from '../operations/context.js';\nexport type Up = OperationContext;\n${readFileSync(http, 'utf8')}`,
    );
    // Two model files that need each other.
    writeFileSync(
      join(dir, 'src/timer/a.ts'),
      "import { b } from './b.js';\nexport const a = b;\n",
    );
    writeFileSync(
      join(dir, 'src/timer/b.ts'),
      "import { a } from './a.js';\nexport const b = () => a;\n",
    );
    appendFileSync(join(dir, 'emulator/clock.ts'), "\nexport { b } from '../src/timer/b.js';\n");
    appendFileSync(
      join(dir, 'src/redactor.ts'),
      "\nexport type { EmulatorConfig } from '../emulator/config.js';\n",
    );

    const broken = lintDeps(dir);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain(
      'no-upward-import-from-globus: src/globus/http.ts → src/operations/context.ts',
    );
    expect(broken.output).toMatch(/no-circular: src\/timer\/(a|b)\.ts →/);
    expect(broken.output).toContain('emulator-not-src: emulator/clock.ts → src/timer/b.ts');
    expect(broken.output).toContain('src-not-emulator: src/redactor.ts → emulator/config.ts');
  }, 60_000);
});
