import { describe, expect, it } from '@jest/globals';
import { markdownTable, requestSpan, roundsOf, verdict, verdictBelow } from '../../bench/report.js';

/*
 * The pure helpers of `npm run bench`: sequential rounds from a request log (a request that
 * started before another was answered is in the same round; revocations are counted apart),
 * figures against their targets, and the table.
 */

const at = (path: string, received_ms: number, answered_ms: number | null) => ({
  path,
  received_ms,
  answered_ms,
});

describe('roundsOf', () => {
  it('counts overlapping requests as one round and chained ones as one each', () => {
    const log = [
      at('/v2/oauth2/token', 0, 10),
      at('/jobs/', 11, 20),
      at('/v0.10/endpoint/a', 21, 30),
      at('/v0.10/endpoint/b', 22, 31), // started before the first look-up was answered
      at('/v2/timer', 32, 40),
      at('/v2/oauth2/token/revoke', 41, 50),
      at('/v2/oauth2/token/revoke', 42, 51),
    ];
    expect(roundsOf(log)).toEqual({
      requests: 5,
      depth: 4,
      revocations: 2,
      revocationRounds: 1,
    });
  });

  it('puts a request that starts the moment another is answered in the next round', () => {
    expect(roundsOf([at('/a', 0, 10), at('/b', 10, 20)]).depth).toBe(2);
  });

  it('answers zero rounds for no requests', () => {
    expect(roundsOf([])).toEqual({ requests: 0, depth: 0, revocations: 0, revocationRounds: 0 });
  });
});

describe('requestSpan', () => {
  it('runs from the first arrival to the last answer, whatever the order of the log', () => {
    const log = [at('/b', 15, 40), at('/a', 5, 12), at('/c', 20, 30)];
    expect(requestSpan(log)).toBe(35);
  });

  it('counts a request still unanswered up to its arrival, and no requests as 0', () => {
    expect(requestSpan([at('/a', 5, 10), at('/b', 30, null)])).toBe(25);
    expect(requestSpan([])).toBe(0);
  });
});

describe('verdicts', () => {
  it('meets an upper bound at the bound and misses it above, saying by how much', () => {
    expect(verdict(4, 4)).toBe('met');
    expect(verdict(5, 4)).toBe('missed by 1');
    expect(verdict(1.66, 1.3, '×')).toBe('missed by 0.36×');
  });

  it('misses a strict bound at the bound', () => {
    expect(verdictBelow(0.99, 1, ' s')).toBe('met');
    expect(verdictBelow(1, 1, ' s')).toBe('missed by 0 s');
    expect(verdictBelow(288, 200, ' MB')).toBe('missed by 88 MB');
  });
});

describe('markdownTable', () => {
  it('pads every column to its widest cell', () => {
    expect(
      markdownTable(
        ['op', 'depth'],
        [
          ['apply', '5'],
          ['check', '3'],
        ],
      ),
    ).toBe(
      ['| op    | depth |', '| ----- | ----- |', '| apply | 5     |', '| check | 3     |'].join(
        '\n',
      ),
    );
  });
});
