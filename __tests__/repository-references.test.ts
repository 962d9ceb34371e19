import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Everything the repository points at must be in a clone of it: no folder beside it (the
 * `../shared` of development machines), no document only some machines hold, no section of such
 * a document. Every file git tracks (or would, once added) is read, but for CHANGELOG.md, which
 * records history; dist/, built from src/ (its source maps repeat src/'s comments, which are read
 * at their source); and this file, whose broken inputs point outside on purpose.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const NOT_READ = [/^CHANGELOG\.md$/, /^dist\//, /^__tests__\/repository-references\.test\.ts$/];

/** Texts that look like a reference outside the repository and are not, each with its reason. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: '__fixtures__/bad-inputs.ts',
    text: '../../etc',
    why: 'a path-traversal input the action must refuse',
  },
  {
    file: 'examples/workflows/health-check-issue.yml',
    text: 'body.md',
    why: 'a file the workflow writes before reading it',
  },
  { file: '.github/workflows/release.yml', text: 'notes.md', why: 'a file the workflow writes' },
  ...['examples/gitlab/.gitlab-ci.yml', 'examples/jenkins/Jenkinsfile'].flatMap((file) =>
    ['plan.md', 'summary.md'].map((text) => ({ file, text, why: 'a summary the job writes' })),
  ),
];

interface Repository {
  /** Repository-relative paths, with `/`, of every file there is. */
  files: ReadonlySet<string>;
  /** Whether a repository-relative path names a file or folder in it. */
  exists: (path: string) => boolean;
}

/** Everything in `text` (the file at `path`) that a clone of the repository cannot resolve. */
function outsideReferences(path: string, text: string, repo: Repository): string[] {
  const names = new Set([...repo.files].map((file) => posix.basename(file)));
  const here = posix.dirname(path);
  const found: string[] = [];
  // A relative path that climbs out of the repository: ../shared/…, ../../../shared/…
  for (const [climb] of text.matchAll(/(?:\.\.\/)+[\w.-]*/g)) {
    if (posix.normalize(posix.join(here, climb)).startsWith('..')) found.push(climb);
  }
  // A folder named after the one beside the repository, however it is reached.
  for (const [name] of text.matchAll(/\bshared\/globus-api\b/g)) found.push(name);
  // A Markdown document the repository does not hold (TOOLCHAIN.md, REFERENCE.md, …); web
  // addresses aside.
  const local = text.replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, ' ');
  for (const [name] of local.matchAll(/\b[\w.-]+\.md\b/g)) if (!names.has(name)) found.push(name);
  // A section of a document (`REFERENCE §12`): only RFCs are cited that way.
  for (const match of text.matchAll(/(?:\S+\s)?§\s?\d+(?:\.\d+)*/g)) {
    const cited = text.slice(Math.max(0, match.index - 12), match.index + match[0].length);
    if (!/RFC\s?\d+\s?§/.test(cited)) found.push(match[0]);
  }
  // A link of a Markdown document to a relative path that is not there.
  const links = path.endsWith('.md') ? text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g) : [];
  for (const [, target = ''] of links) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
    const resolved = posix.normalize(posix.join(here, target));
    if (resolved.startsWith('..') || !repo.exists(resolved)) found.push(`](${target})`);
  }
  return found.filter(
    (text) => !ALLOWED.some((allowed) => allowed.file === path && allowed.text === text),
  );
}

/** Every file git tracks or would track, as git lists it (relative, with `/`). */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((line) => line !== '');
}

function readText(path: string): string | undefined {
  const absolute = posix.join(root.split('\\').join('/'), path);
  if (!existsSync(absolute)) return undefined; // deleted, not yet committed
  const text = readFileSync(absolute, 'utf8');
  return text.includes('\0') ? undefined : text;
}

describe('the repository', () => {
  const files = repositoryFiles();
  const repo: Repository = {
    files: new Set(files),
    exists: (path) => existsSync(posix.join(root.split('\\').join('/'), path)),
  };

  it('points at nothing outside itself', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'src/main.ts', 'README.md']));
    const problems = files
      .filter((file) => !NOT_READ.some((pattern) => pattern.test(file)))
      .flatMap((file) => {
        const text = readText(file);
        return text === undefined
          ? []
          : outsideReferences(file, text, repo).map((found) => `${file}: ${found}`);
      });
    expect(problems).toEqual([]);
  });

  it('still has every allowed exception, each where the list says', () => {
    for (const { file, text } of ALLOWED) expect(readText(file)).toContain(text);
  });
});

describe('outsideReferences', () => {
  const repo: Repository = {
    files: new Set(['README.md', 'docs/guide.md', 'src/a.ts', '__tests__/a.test.ts']),
    exists: (path) => ['README.md', 'docs', 'docs/guide.md', 'src', 'src/a.ts'].includes(path),
  };

  it('finds a folder beside the repository, however it is reached', () => {
    const source = [
      "const LOG = new URL('../../shared/globus-api/requests.jsonl', import.meta.url);",
      "const DIR = '../../../shared/';",
      'See `shared/globus-api/fixtures` for the payloads.',
    ].join('\n');
    expect(outsideReferences('__tests__/a.test.ts', source, repo)).toEqual([
      '../../shared',
      '../../../shared',
      'shared/globus-api',
      'shared/globus-api',
    ]);
  });

  it('finds documents the repository does not hold, and sections of documents', () => {
    const text = 'Pinned (TOOLCHAIN.md); see REFERENCE §12 and REFERENCE.md §4.2.';
    expect(outsideReferences('src/a.ts', text, repo)).toEqual([
      'TOOLCHAIN.md',
      'REFERENCE.md',
      'REFERENCE §12',
      'REFERENCE.md §4.2',
    ]);
  });

  it('finds a Markdown link to a path that is not there', () => {
    const text = '[guide](docs/guide.md), [gone](docs/gone/), [up](../other/README.md)';
    expect(outsideReferences('README.md', text, repo)).toEqual([
      '../other',
      '](docs/gone/)',
      '](../other/README.md)',
    ]);
  });

  it('lets through what a clone has, links to the web, and RFC sections', () => {
    const source = "import { a } from '../src/a.js'; // README.md, as RFC 6749 §5.2 says";
    expect(outsideReferences('__tests__/a.test.ts', source, repo)).toEqual([]);
    const text = 'See [the guide](docs/guide.md#setup) and [x](https://example.org/x.md#y).';
    expect(outsideReferences('README.md', text, repo)).toEqual([]);
  });
});
