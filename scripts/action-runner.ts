import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../dist/index.js', import.meta.url));

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Every file of the step's own folder (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, …), as written. */
  files: Record<string, string>;
}

/**
 * Runs the bundled action exactly as the GitHub runner does: `node dist/index.js` with each
 * input as an INPUT_<NAME> variable and real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, which
 * are read back afterwards.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  options: { node?: string; workspace?: string; onOutput?: (text: string) => void } = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-run-'));
  const outputFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.workspace ?? dir,
  };
  // Windows programs need these to start at all (sockets fail without SystemRoot); unset elsewhere.
  for (const name of ['SystemRoot', 'TEMP', 'TMP', 'USERPROFILE']) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  for (const [name, value] of Object.entries(inputs)) {
    childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(env)) if (value !== undefined) childEnv[name] = value;
  const child = spawn(options.node ?? process.execPath, [BUNDLE], { env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    options.onOutput?.(stdout);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  );
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    files: Object.fromEntries(
      readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
    ),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      while (i + 1 < lines.length && lines[i + 1] !== delimiter) value.push(lines[++i] ?? '');
      i++;
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}
