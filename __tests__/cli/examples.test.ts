import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseArgs } from '../../src/cli/args.js';

/*
 * Every command the README's code blocks, the GitLab CI example and the Jenkinsfile run is one
 * the command accepts: a real operation, real flags, nothing it would warn about.
 */

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** `text` as a POSIX shell splits it into words, up to the first `|`, `>`, `;` or `&&`. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end < 0) throw new Error(`unbalanced ${char} in ${text}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('|>;&'.includes(char) && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The arguments of each `globus-timer-action …` command in these lines (comments aside). */
function commandsIn(lines: string[]): string[][] {
  return lines.flatMap((line) => {
    if (/^\s*(#|\/\/)/.test(line)) return [];
    const at = line.indexOf('globus-timer-action ');
    return at < 0 ? [] : [shellWords(line.slice(at + 'globus-timer-action '.length))];
  });
}

/** The lines of the README's fenced code blocks. */
function readmeCodeLines(): string[] {
  const blocks = read('README.md').match(/^```[a-z]*\n[\s\S]*?^```$/gm) ?? [];
  return blocks.flatMap((block) => block.split('\n'));
}

const gitlab = read('examples/gitlab/.gitlab-ci.yml');
const jenkins = read('examples/jenkins/Jenkinsfile');

const EXAMPLES: [string, string[][]][] = [
  ['README.md', commandsIn(readmeCodeLines())],
  ['examples/gitlab/.gitlab-ci.yml', commandsIn(gitlab.split('\n'))],
  // In a Groovy string: the command ends at its closing quote.
  [
    'examples/jenkins/Jenkinsfile',
    commandsIn(jenkins.split('\n').map((l) => l.split(/'\)?$/)[0] ?? '')),
  ],
];

describe.each(EXAMPLES)('the commands of %s', (_file, commands) => {
  it('are there', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  it('are accepted as they are written', () => {
    for (const args of commands) {
      const { command, problems, warnings } = parseArgs(args);
      expect({ args, problems, warnings }).toEqual({ args, problems: [], warnings: [] });
      expect(command.operation).toBeDefined();
    }
  });
});

describe('examples/gitlab/.gitlab-ci.yml', () => {
  interface Job {
    script?: string[];
    artifacts?: { reports?: { dotenv?: string } };
  }
  const jobs = parse(gitlab) as Record<string, Job>;

  it('reports as dotenv exactly the files its commands write as dotenv', () => {
    const reported = Object.values(jobs).filter((job) => job.artifacts?.reports?.dotenv);
    expect(reported.length).toBeGreaterThanOrEqual(2);
    for (const job of reported) {
      const file = job.artifacts?.reports?.dotenv;
      expect(job.script?.join('\n')).toContain(`--output dotenv > ${file}`);
    }
  });

  it('keeps the credentials out of the file', () => {
    expect(gitlab).not.toMatch(/GLOBUS_CLIENT_SECRET:|--client-secret /);
  });
});
