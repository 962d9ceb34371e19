import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  controlCharacterIn,
  decodeText,
  readWorkspaceFile,
} from '../../src/timer/workspace-file.js';

const workspace = mkdtempSync(join(tmpdir(), 'gta-workspace-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'gta-elsewhere-'));
writeFileSync(join(workspace, 'items.csv'), '/a, /b\n');
writeFileSync(join(elsewhere, 'secret.txt'), 'secret\n');
mkdirSync(join(workspace, 'dir'));
writeFileSync(join(workspace, '..items.csv'), '/c, /d\n');
mkdirSync(join(workspace, '..hidden'));
writeFileSync(join(workspace, '..hidden', 'items.csv'), '/e, /f\n');
symlinkSync(join(elsewhere, 'secret.txt'), join(workspace, 'link.txt'));

describe('readWorkspaceFile', () => {
  it('reads a file inside the workspace', () => {
    expect(readWorkspaceFile('items.csv', workspace)).toStrictEqual({ text: '/a, /b\n' });
    expect(readWorkspaceFile(join(workspace, 'items.csv'), workspace)).toStrictEqual({
      text: '/a, /b\n',
    });
  });

  it('says a missing file is not found, and that paths are relative to the workspace', () => {
    expect(readWorkspaceFile('nope.csv', workspace)).toStrictEqual({
      problem: 'nope.csv: not found (paths are relative to the workspace)',
    });
  });

  it('says a directory is not a file', () => {
    expect(readWorkspaceFile('dir', workspace)).toStrictEqual({
      problem: 'dir: is a directory, not a file',
    });
  });

  it('names the error code of any other failure', () => {
    expect(readWorkspaceFile('items.csv/inner', workspace)).toStrictEqual({
      problem: 'items.csv/inner: unreadable (ENOTDIR) (paths are relative to the workspace)',
    });
  });

  it('refuses a symlink that leads out of the workspace, naming where it leads', () => {
    expect(readWorkspaceFile('link.txt', workspace)).toStrictEqual({
      problem: `link.txt: lies outside the workspace (symlinks followed: ${realpathSync(join(elsewhere, 'secret.txt'))})`,
    });
  });

  it('reads a file, or a folder’s file, whose name starts with ".." (it stays inside)', () => {
    expect(readWorkspaceFile('..items.csv', workspace)).toStrictEqual({ text: '/c, /d\n' });
    expect(readWorkspaceFile(join('..hidden', 'items.csv'), workspace)).toStrictEqual({
      text: '/e, /f\n',
    });
  });

  it('refuses a path that leaves the workspace through ..', () => {
    const path = join('..', basename(elsewhere), 'secret.txt');
    expect(readWorkspaceFile(path, workspace)).toStrictEqual({
      problem: `${path}: lies outside the workspace (symlinks followed: ${realpathSync(join(elsewhere, 'secret.txt'))})`,
    });
  });

  it('refuses a file that is the workspace itself', () => {
    const file = join(workspace, 'items.csv');
    expect(readWorkspaceFile(file, file)).toStrictEqual({
      problem: `${file}: lies outside the workspace (symlinks followed: ${realpathSync(file)})`,
    });
  });
});

describe('decodeText', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText('f', bytes('\uFEFFé, /b\n'))).toStrictEqual({ text: 'é, /b\n' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(decodeText('f.gz', Uint8Array.from([0x1f, 0x8b, 0xff, 0xfe]))).toStrictEqual({
      problem: 'f.gz: is not UTF-8 text (a binary or compressed file?)',
    });
  });

  it('refuses a control character, naming it and the line it is on', () => {
    expect(decodeText('f', bytes('/a, /b\n/c\u001B, /d\n/e, /f\n'))).toStrictEqual({
      problem: 'f: holds a control character (U+001B); is it a text file?',
      line: 2,
    });
  });

  it('keeps tabs and CRLF line ends', () => {
    expect(decodeText('f', bytes('/a,\t/b\r\n'))).toStrictEqual({ text: '/a,\t/b\r\n' });
  });
});

describe('controlCharacterIn', () => {
  it('names the first control character as U+ and four upper-case hex digits', () => {
    expect(controlCharacterIn('a\u007Fb\u0001')).toBe('U+007F');
    expect(controlCharacterIn('\u000B')).toBe('U+000B');
  });

  it('finds none in text with tabs and line ends', () => {
    expect(controlCharacterIn('a\tb\r\nc')).toBeUndefined();
  });
});
