import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parseAllDocuments } from 'yaml';

/*
 * What users copy — the README's YAML blocks and examples/workflows — must be safe to copy:
 * no expression inside `run:` text (a step output holding a quote breaks the script, and
 * GitHub documents the pattern as script injection), a morning check that comes after the
 * night's run in winter and in summer (cron is UTC, a timer's start is in its own zone), pull
 * requests guarded against forks (which get no secrets), and concurrency groups keyed on the
 * timers rather than the branch.
 */

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Snippet {
  where: string;
  value: unknown;
}

/** Every YAML block of a Markdown file, parsed (blocks that are not YAML data are skipped). */
function markdownYaml(where: string, markdown: string): Snippet[] {
  const blocks = [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)];
  return blocks.flatMap((block, i) =>
    parseAllDocuments(block[1] ?? '').map((document) => ({
      where: `${where} block ${i + 1}`,
      value: document.toJS() as unknown,
    })),
  );
}

const snippets: Snippet[] = [
  ...markdownYaml('README.md', read('README.md')),
  ...readdirSync(new URL('examples/workflows/', root)).map((file) => ({
    where: `examples/workflows/${file}`,
    value: parseAllDocuments(read(`examples/workflows/${file}`))[0]?.toJS() as unknown,
  })),
];

/** Every value under a key called `key`, anywhere in a parsed document. */
function valuesOf(key: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOf(key, item));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) => [
    ...(name === key ? [inner] : []),
    ...valuesOf(key, inner),
  ]);
}

/** `run:` scripts that hold a `${{ … }}` expression. */
function unsafeRuns(value: unknown): string[] {
  return valuesOf('run', value)
    .filter((run): run is string => typeof run === 'string')
    .filter((run) => run.includes('${{'));
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/**
 * Hours in UTC by which a daily `check` cron runs after the timer's daily run, in January and
 * July of the timer's zone; undefined when the snippet has no such pair.
 */
function checkLeads(workflow: unknown): number[] | undefined {
  const on = (workflow as { on?: { schedule?: { cron: string }[] } })?.on;
  const cron = on?.schedule?.[0]?.cron;
  const steps = valuesOf('steps', workflow).flat() as Step[];
  const timer = steps.find((step) => step.with?.start && step.with?.interval === '1d');
  const check = steps.find((step) => step.with?.operation === 'check');
  if (!cron || !timer?.with || !check) return undefined;
  const [minute, hour] = cron.split(' ').map(Number);
  const zone = String(timer.with.timezone ?? 'UTC');
  const start = DateTime.fromISO(String(timer.with.start), { zone });
  return [1, 7].map((month) => {
    const run = start.set({ year: 2027, month, day: 15 }).toUTC();
    const checkAt = run.set({ hour, minute });
    const lead = checkAt.diff(run, 'hours').hours;
    return lead < 0 ? lead + 24 : lead;
  });
}

describe('snippets users copy', () => {
  it('finds the README blocks and every example', () => {
    expect(snippets.filter((s) => s.where.startsWith('README.md')).length).toBeGreaterThan(10);
    expect(snippets.filter((s) => s.where.startsWith('examples/')).length).toBeGreaterThan(6);
  });

  it.each(snippets)('$where puts no expression inside run: text', ({ value }) => {
    expect(unsafeRuns(value)).toEqual([]);
  });

  it.each(snippets)('$where keys concurrency groups on the timers, not the branch', ({ value }) => {
    const groups = valuesOf('group', valuesOf('concurrency', value));
    expect(groups.filter((group) => String(group).includes('github.ref'))).toEqual([]);
  });

  it.each(snippets)('$where checks a nightly timer hours after its run, all year', ({ value }) => {
    for (const lead of checkLeads(value) ?? []) {
      expect(lead).toBeGreaterThanOrEqual(2);
      expect(lead).toBeLessThanOrEqual(12);
    }
  });

  it.each(snippets.filter(({ value }) => valuesOf('pull_request', value).length > 0))(
    '$where runs no job with secrets for a fork’s pull request',
    ({ value }) => {
      const jobs = Object.values((value as { jobs: Record<string, unknown> }).jobs);
      for (const job of jobs) {
        if (!JSON.stringify(job).includes('secrets.')) continue;
        const guard = String((job as { if?: unknown }).if ?? '');
        const pushOnly = /github\.event_name == 'push'$/.test(guard.trim());
        expect(pushOnly || guard.includes('head.repo.full_name == github.repository')).toBe(true);
      }
    },
  );
});

/**
 * Dates in a snippet that would stop it working some day: a stop date (it passes), a run-once
 * start (it must lie ahead). A recurring start may lie in the past: it moves to its next tick.
 */
function expiringDates(value: unknown): string[] {
  const timers = [...valuesOf('with', value), ...valuesOf('timers', value).flat(), value];
  return timers.flatMap((timer) => {
    const t = (timer ?? {}) as Record<string, unknown>;
    const once = t.start !== undefined && t.interval === undefined && !('flow-id' in t);
    return [
      ...(t['stop-after-date'] !== undefined
        ? [`stop-after-date ${String(t['stop-after-date'])}`]
        : []),
      ...(once && typeof t.start === 'string' ? [`start ${t.start}`] : []),
    ];
  });
}

describe('dates in what users copy', () => {
  const copied = [
    ...snippets,
    {
      where: 'examples/spec/timers.yml',
      value: parseAllDocuments(read('examples/spec/timers.yml'))[0]?.toJS(),
    },
  ];
  it.each(copied)('$where holds no date that will expire', ({ value }) => {
    expect(expiringDates(value)).toEqual([]);
  });

  it('finds a stop date and a run-once start, not a recurring start', () => {
    const spec = {
      timers: [
        { name: 'a', interval: '1w', 'stop-after-date': '2027-06-30' },
        { name: 'b', start: '2027-01-01T00:00', 'stop-after-runs': 1 },
        { name: 'c', start: '2026-12-01T02:00', interval: '1d' },
      ],
    };
    expect(expiringDates(spec)).toEqual(['stop-after-date 2027-06-30', 'start 2027-01-01T00:00']);
  });
});

describe('the checks above, shown to fail', () => {
  it('finds an expression in run: text, at any depth', () => {
    const workflow = { jobs: { a: { steps: [{ run: 'echo "${{ steps.x.outputs.y }}"' }] } } };
    expect(unsafeRuns(workflow)).toEqual(['echo "${{ steps.x.outputs.y }}"']);
    expect(
      unsafeRuns({ jobs: { a: { steps: [{ env: { Y: '${{ x }}' }, run: 'echo "$Y"' }] } } }),
    ).toEqual([]);
  });

  it('measures a 07:00 UTC check of a 02:00 Chicago run as before it in winter', () => {
    const workflow = {
      on: { schedule: [{ cron: '0 7 * * *' }] },
      jobs: {
        a: {
          steps: [
            { with: { interval: '1d', start: '2026-12-01T02:00', timezone: 'America/Chicago' } },
            { with: { operation: 'check' } },
          ],
        },
      },
    };
    // January: 02:00 CST is 08:00 UTC, so 07:00 UTC comes 23 hours after; July: the same minute.
    expect(checkLeads(workflow)).toEqual([23, 0]);
  });

  it('reads every YAML block of Markdown, including several documents in one', () => {
    const markdown = '```yaml\na: 1\n---\nb: 2\n```\n\n```sh\nnot: yaml\n```\n';
    expect(markdownYaml('README.md', markdown).map((s) => s.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
