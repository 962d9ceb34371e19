import { describe, expect, it } from '@jest/globals';
import {
  requiredScopes,
  sessionRequirements,
} from '../../src/globus/authorization-requirements.js';

describe('requiredScopes on odd documents', () => {
  it.each([
    ['null', null],
    ['a string', 'ConsentRequired'],
    ['null authorization parameters', { authorization_parameters: null }],
    ['a null error wrapper', { error: null, errors: null }],
  ])('finds no scopes in %s', (_what, document) => {
    expect(requiredScopes(document)).toEqual([]);
  });

  it('keeps only the non-empty strings of a scope list', () => {
    const document = {
      authorization_parameters: { required_scopes: ['a', '', 3, null, 'b[c]'] },
    };
    expect(requiredScopes(document)).toEqual(['a', 'b[c]']);
  });

  it('reads a legacy single required_scope as one scope', () => {
    expect(requiredScopes({ code: 'ConsentRequired', required_scope: 'a[b]' })).toEqual(['a[b]']);
  });
});

describe('sessionRequirements', () => {
  it('names every session requirement a client identity cannot meet, in order', () => {
    const document = {
      authorization_parameters: {
        session_required_policies: ['p1'],
        session_required_identities: ['someone@example.org'],
        session_required_single_domain: ['example.org'],
        session_required_mfa: true,
      },
    };
    expect(sessionRequirements(document)).toEqual([
      'session_required_policies',
      'session_required_identities',
      'session_required_single_domain',
      'session_required_mfa',
    ]);
  });

  it('ignores empty lists and false flags: only consent is needed then', () => {
    const document = {
      error: {
        authorization_parameters: {
          required_scopes: ['a'],
          session_required_policies: [],
          session_required_identities: [],
          session_required_single_domain: [],
          session_required_mfa: false,
        },
      },
    };
    expect(sessionRequirements(document)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a document without authorization parameters', { code: 'ConsentRequired' }],
    ['null authorization parameters', { authorization_parameters: null }],
  ])('finds none in %s', (_what, document) => {
    expect(sessionRequirements(document)).toEqual([]);
  });
});
