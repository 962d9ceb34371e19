/*
 * CHANGELOG.md as releases read and write it: `## Unreleased` collects changes until a release
 * moves them under `## X.Y.Z — YYYY-MM-DD`. `tsx scripts/changelog.ts section X.Y.Z` prints a
 * release's section (release.yml turns it into the GitHub release's notes).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const UNRELEASED = '## Unreleased';

/** Where the section under `heading` starts and ends (the next `## ` heading or the end). */
function sectionBounds(text: string, isHeading: (line: string) => boolean) {
  const lines = text.split('\n');
  const start = lines.findIndex(isHeading);
  if (start < 0) return undefined;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return { lines, start, end: next < 0 ? lines.length : next };
}

/** The body of a section, without its heading and surrounding blank lines. */
function sectionBody(text: string, isHeading: (line: string) => boolean): string | undefined {
  const bounds = sectionBounds(text, isHeading);
  if (!bounds) return undefined;
  return bounds.lines
    .slice(bounds.start + 1, bounds.end)
    .join('\n')
    .trim();
}

export function unreleased(text: string): string | undefined {
  return sectionBody(text, (line) => line.trim() === UNRELEASED);
}

const releaseHeading = (version: string) => (line: string) =>
  new RegExp(`^## ${version.replace(/\./g, '\\.')}(\\s|$)`).test(line);

export function releaseNotes(text: string, version: string): string | undefined {
  return sectionBody(text, releaseHeading(version));
}

/** Moves Unreleased's entries under a new release heading, leaving Unreleased empty. */
export function release(text: string, version: string, date: string): string {
  const bounds = sectionBounds(text, (line) => line.trim() === UNRELEASED);
  const body = unreleased(text);
  if (!bounds || !body) throw new Error(`CHANGELOG.md has no entries under "${UNRELEASED}"`);
  const { lines, start, end } = bounds;
  const rest = lines.slice(end).join('\n');
  return [
    ...lines.slice(0, start),
    UNRELEASED,
    '',
    `## ${version} — ${date}`,
    '',
    body,
    ...(rest ? ['', rest] : ['']),
  ].join('\n');
}

function main(argv: string[]): number {
  const [command, version] = argv;
  if (command !== 'section' || !version) {
    console.error('usage: tsx scripts/changelog.ts section X.Y.Z');
    return 2;
  }
  const notes = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (!notes) {
    console.error(`CHANGELOG.md has no section for ${version}`);
    return 1;
  }
  console.log(notes);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
