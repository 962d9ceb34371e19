import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isWithin } from '../paths.js';

/*
 * Files the inputs name (items-file, spec-file) are read here, once, with the checks that keep
 * garbage out of Globus: the file must lie inside the workspace once symlinks are followed (a
 * workflow cannot be talked into reading the runner's own files), and it must be text — UTF-8
 * without NUL or other control characters, so a binary file never becomes a timer's paths.
 */

export type WorkspaceFile = { text: string } | { problem: string; line?: number };

/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function readWorkspaceFile(path: string, workspace: string): WorkspaceFile {
  const where = '(paths are relative to the workspace)';
  let real: string;
  let bytes: Buffer;
  try {
    real = realpathSync(isAbsolute(path) ? path : resolve(workspace, path));
    bytes = readFileSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: `${path}: not found ${where}` };
    if (code === 'EISDIR') return { problem: `${path}: is a directory, not a file` };
    return { problem: `${path}: unreadable (${code ?? 'error'}) ${where}` };
  }
  if (!inside(real, workspace)) {
    return { problem: `${path}: lies outside the workspace (symlinks followed: ${real})` };
  }
  return decodeText(path, bytes);
}

/** `bytes` as text, or why they are not text a timer may be made from. */
export function decodeText(path: string, bytes: Uint8Array): WorkspaceFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: `${path}: is not UTF-8 text (a binary or compressed file?)` };
  }
  const control = CONTROL.exec(text);
  if (!control) return { text };
  return {
    problem: `${path}: holds a control character (${codePoint(control[0])}); is it a text file?`,
    line: text.slice(0, control.index).split('\n').length,
  };
}

/** The first control character in a value, as `U+001B`; undefined when there is none. */
export function controlCharacterIn(value: string): string | undefined {
  const control = CONTROL.exec(value);
  return control ? codePoint(control[0]) : undefined;
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function inside(file: string, workspace: string): boolean {
  let root: string;
  try {
    root = realpathSync(workspace);
  } catch {
    root = resolve(workspace);
  }
  // The workspace itself is no file inside it (a workspace given as a file's path).
  return file !== root && isWithin(file, root);
}
