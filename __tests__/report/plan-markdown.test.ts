import { describe, expect, it } from '@jest/globals';
import type { Plan } from '../../src/operations/plan.js';
import { COMMENT_LIMIT, fitComment } from '../../src/report/comment.js';
import { planBlock, planMarkdown } from '../../src/report/plan-markdown.js';
import { operationResult } from '../../__fixtures__/report.js';

/*
 * The plan as a reviewer reads it in the job summary and the pull-request comment: every timer
 * of a spec file with what apply would do to it, and each change as a diff GitHub colours.
 */

const plan = (action: Plan['action'], name: string, changes: Plan['changes'] = []): Plan => ({
  action,
  name,
  ...(action === 'create' ? {} : { jobId: `id-${name}` }),
  changes,
});

describe('a spec-file plan', () => {
  const entries = [
    plan('create', 'ci/new', [{ field: 'name', live: undefined, desired: 'ci/new' }]),
    plan('replace', 'ci/logs', [{ field: 'interval', live: '1d', desired: '12h' }]),
    plan('rename', 'ci/results', [{ field: 'name', live: 'ci/old', desired: 'ci/results' }]),
    plan('unchanged', 'ci/same'),
    plan('delete', 'ci/gone', [{ field: 'name', live: 'ci/gone', desired: undefined }]),
  ].map((p) => ({ plan: p, result: 'planned' as const }));

  it('lists every timer with what apply would do, then the diff of each that changes', () => {
    expect(
      planMarkdown(operationResult({ operation: 'plan', result: 'planned', entries })),
    ).toEqual([
      '| Timer | Plan |',
      '| --- | --- |',
      '| ci/new | would create |',
      '| ci/logs | would replace |',
      '| ci/results | would rename |',
      '| ci/same | unchanged |',
      '| ci/gone | would delete (no longer in the spec file) |',
      '',
      '**Plan: create** `ci/new`',
      '',
      '```diff',
      '+ name: ci/new',
      '```',
      '',
      '**Plan: replace** `ci/logs` (`id-ci/logs`)',
      '',
      '```diff',
      '- interval: 1d',
      '+ interval: 12h',
      '```',
      '',
      '**Plan: rename** `ci/results` (`id-ci/results`)',
      '',
      '```diff',
      '- name: ci/old',
      '+ name: ci/results',
      '```',
      '',
      '**Plan: delete** `ci/gone` (`id-ci/gone`)',
      '',
      '```diff',
      '- name: ci/gone',
      '```',
      '',
    ]);
  });

  it('keeps a name or value holding a fence or a pipe from breaking the Markdown', () => {
    const odd = plan('replace', 'a|b `x`', [{ field: 'label', live: '```', desired: 'x' }]);
    expect(planBlock(odd)).toEqual([
      "**Plan: replace** `a|b 'x'` (`id-a|b `x``)",
      '',
      '```diff',
      '- label: `\u200b``',
      '+ label: x',
      '```',
      '',
    ]);
    const table = planMarkdown(
      operationResult({ entries: [{ plan: plan('unchanged', 'a|b'), result: 'unchanged' }] }),
    );
    expect(table.slice(0, 3)).toEqual([
      '| Timer | Result |',
      '| --- | --- |',
      '| a\\|b | unchanged |',
    ]);
  });
});

describe('fitComment', () => {
  it('leaves a comment that fits as it is', () => {
    const body = 'x'.repeat(COMMENT_LIMIT);
    expect(fitComment(body)).toBe(body);
  });

  it('cuts whole lines, closes an open diff block and says how many lines were left out', () => {
    const lines = [
      'head',
      '```diff',
      ...Array.from({ length: 50 }, (_, i) => `+ line ${i}`),
      '```',
    ];
    const cut = fitComment(lines.join('\n'), 400);
    expect(cut.length).toBeLessThanOrEqual(400);
    const kept = cut.split('\n');
    expect(kept.slice(0, 3)).toEqual(['head', '```diff', '+ line 0']);
    const last = kept.indexOf('```');
    expect(kept.slice(last)).toEqual([
      '```',
      '',
      `_… ${lines.length - last} more lines left out (a GitHub comment holds 400 characters); the step's log has the plan of every timer._`,
    ]);
  });

  it('closes no fence that is not open', () => {
    const lines = ['```diff', '+ a', '```', ...Array.from({ length: 40 }, (_, i) => `row ${i}`)];
    const kept = fitComment(lines.join('\n'), 300).split('\n');
    expect(kept.filter((line) => line.startsWith('```'))).toHaveLength(2);
  });
});
