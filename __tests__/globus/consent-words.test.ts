import { describe, expect, it } from '@jest/globals';
import { consentWords, flowUserScope, timerScope } from '../../src/globus/scopes.js';

/* Which consent a scope string asks for, in words: a collection's data_access, a flow, Transfer. */

const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';
const AP = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
const C1 = 'a1000000-0000-4000-8000-000000000001';
const C2 = 'a1000000-0000-4000-8000-000000000002';
const FLOW = 'f1000000-0000-4000-8000-00000000f001';

describe('consentWords', () => {
  it.each([
    [
      'the Timers chain with one collection',
      [timerScope([C1])],
      [`data_access on collection ${C1}`],
    ],
    [
      'two collections, named once each',
      [timerScope([C1, C2]), timerScope([C1])],
      [`data_access on collection ${C1}`, `data_access on collection ${C2}`],
    ],
    ['a flow under Timers', [`${TIMER}[${flowUserScope(FLOW)}]`], [`running flow ${FLOW}`]],
    [
      'a flow with Transfer under it (a Flows run waiting)',
      [`${flowUserScope(FLOW)}[${TRANSFER}]`],
      [`running flow ${FLOW}`],
    ],
    ['the bare Timers chain', [timerScope()], ['Globus Transfer']],
    ['Transfer alone', [TRANSFER], ['Globus Transfer']],
    [
      'the retired Transfer Action Provider chain',
      [`${TIMER}[${AP}[${TRANSFER}]]`],
      ['Globus Transfer'],
    ],
    [
      'a scope it has no words for, as it is',
      ['urn:example:scope:other'],
      ['urn:example:scope:other'],
    ],
    ['nothing', [], []],
  ])('%s', (_case, scopes, words) => {
    expect(consentWords(scopes)).toEqual(words);
  });
});
