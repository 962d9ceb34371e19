import { describe, expect, it } from '@jest/globals';
import { compareTimers, kindOf, KINDS } from '../../src/kinds/index.js';
import { followCandidates, ofKind, type RunLead } from '../../src/kinds/kind.js';
import { apiError, flowSpec, kindsContext, transferSpec } from '../../__fixtures__/kinds.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const lead = (id: string) => ({ what: 'Transfer task', id }) as RunLead;

/** Follows a run with these lead ids; `answers` says what reading each id does. */
async function follow(leadIds: string[], answers: Record<string, Error>) {
  const { context, logs } = kindsContext();
  const tried: string[] = [];
  const found = await followCandidates(context, { leadIds }, 'Transfer task', async (id) => {
    tried.push(id);
    const answer = answers[id];
    if (answer) throw answer;
    return lead(id);
  });
  return { found, tried, logs };
}

describe('following a run to what it started', () => {
  it('a run that started nothing leads nowhere, quietly', async () => {
    expect(await follow([], {})).toEqual({ found: undefined, tried: [], logs: [] });
  });

  it('an id the service does not know (404) leads on to the next one', async () => {
    const result = await follow(['a', 'b', 'c'], { a: apiError(404) });
    expect(result).toEqual({ found: lead('b'), tried: ['a', 'b'], logs: [] });
  });

  it('when no id is known, warns with the last 404 and leads nowhere', async () => {
    const last = apiError(404, { detail: 'no task b' });
    const result = await follow(['a', 'b'], { a: apiError(404), b: last });
    expect(result).toEqual({
      found: undefined,
      tried: ['a', 'b'],
      logs: [`warning: Could not read the run's Transfer task: ${last.message}`],
    });
  });

  it('any other answer stops the search with a warning: the run is still judged', async () => {
    const denied = apiError(403, { detail: 'not yours' });
    const result = await follow(['a', 'b'], { a: denied });
    expect(result).toEqual({
      found: undefined,
      tried: ['a'],
      logs: [`warning: Could not read the run's Transfer task: ${denied.message}`],
    });
  });

  it('no answer at all (no HTTP status) and errors of our own are not swallowed', async () => {
    const silent = apiError(undefined);
    await expect(follow(['a'], { a: silent })).rejects.toBe(silent);
    const bug = new TypeError('bug');
    await expect(follow(['a', 'b'], { a: bug })).rejects.toBe(bug);
  });
});

describe('the kinds registry', () => {
  it('finds a spec’s kind by its name', () => {
    expect(kindOf(flowSpec())).toBe(KINDS.flow);
    expect(kindOf(transferSpec())).toBe(KINDS.transfer);
    expect(Object.keys(KINDS)).toEqual(['transfer', 'flow']);
  });

  it('a spec handed to the wrong kind is a bug, said plainly', () => {
    expect(() => ofKind(transferSpec(), 'flow')).toThrow(
      new Error('a transfer timer given to the flow kind'),
    );
    expect(ofKind(flowSpec(), 'flow')).toEqual(flowSpec());
  });

  it('a timer of another kind differs in kind, then in the inputs of each kind', () => {
    const live = liveTimer({ name: 'other', body: transferSpec().body });
    const changes = compareTimers(flowSpec({ name: 'pipeline' }), live);
    expect(changes.slice(0, 4)).toEqual([
      { field: 'name', live: 'other', desired: 'pipeline' },
      { field: 'kind', live: 'transfer', desired: 'flow' },
      { field: 'flow-id', live: undefined, desired: flowSpec().flowId },
      { field: 'flow-input', live: undefined, desired: { echo_string: 'hi' } },
    ]);
    expect(changes.slice(4, 7)).toEqual([
      { field: 'source-endpoint', live: transferSpec().body.source_endpoint, desired: undefined },
      {
        field: 'destination-endpoint',
        live: transferSpec().body.destination_endpoint,
        desired: undefined,
      },
      { field: 'items', live: ['/a, /b'], desired: undefined },
    ]);
  });
});
