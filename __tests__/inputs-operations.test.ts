import { beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH, DST, JOB, SRC, inputsWorkspace, problemsOf } from '../__fixtures__/inputs.js';

/*
 * What each operation asks for, checked together with every other input so that one failed
 * step lists every problem: exact problems, so a check that goes missing or fires for the
 * wrong operation shows.
 */

const BAD_UUID = '"nope" must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc';

/** The problems of an operation that describes a timer but was given none of it. */
const NO_TIMER = [
  { input: 'name', message: 'required to identify the timer' },
  { input: 'source-endpoint', message: 'required' },
  { input: 'destination-endpoint', message: 'required' },
  { input: 'items', message: 'required (or items-file): what to transfer' },
  { input: 'interval', message: 'required unless stop-after-runs is 1' },
];

describe('what each operation asks for', () => {
  it.each(['apply', 'plan', 'create'])('%s needs a whole timer', async (operation) => {
    expect(await problemsOf({ ...AUTH, operation })).toEqual(NO_TIMER);
  });

  it('applies when no operation is given', async () => {
    expect(await problemsOf(AUTH)).toEqual(NO_TIMER);
  });

  it.each(['check', 'wait', 'pause', 'resume', 'delete'])(
    '%s acts on the timer a job-id or a name points at, never both',
    async (operation) => {
      expect(await problemsOf({ ...AUTH, operation })).toEqual([
        { input: 'job-id', message: `${operation} needs job-id or name` },
      ]);
      expect(await problemsOf({ ...AUTH, operation, name: 'nightly' })).toEqual([]);
      expect(await problemsOf({ ...AUTH, operation, 'job-id': JOB })).toEqual([]);
      expect(await problemsOf({ ...AUTH, operation, 'job-id': JOB, name: 'nightly' })).toEqual([
        { input: 'name', message: `give job-id or name to ${operation}, not both` },
      ]);
    },
  );

  it('names a bad job-id once, not also as missing', async () => {
    // The job-id was given: saying it is missing too would send the user looking for nothing.
    expect(await problemsOf({ ...AUTH, operation: 'check', 'job-id': 'nope' })).toEqual([
      { input: 'job-id', message: BAD_UUID },
    ]);
    expect(await problemsOf({ ...AUTH, operation: 'update', 'job-id': 'nope' })).toEqual([
      { input: 'job-id', message: BAD_UUID },
    ]);
  });

  it('update needs the job-id of the timer it changes, and no whole timer', async () => {
    expect(await problemsOf({ ...AUTH, operation: 'update' })).toEqual([
      { input: 'job-id', message: 'required by update' },
    ]);
    expect(await problemsOf({ ...AUTH, operation: 'update', name: 'nightly' })).toEqual([
      { input: 'job-id', message: 'required by update' },
    ]);
    expect(await problemsOf({ ...AUTH, operation: 'update', 'job-id': JOB })).toEqual([]);
  });

  it('list needs nothing but credentials', async () => {
    expect(await problemsOf({ ...AUTH, operation: 'list' })).toEqual([]);
  });

  it('names each missing credential and the variable that can stand for it', async () => {
    expect(await problemsOf({ operation: 'list' })).toEqual([
      { input: 'client-id', message: 'required (or set GLOBUS_CLIENT_ID)' },
      { input: 'client-secret', message: 'required (or set GLOBUS_CLIENT_SECRET)' },
    ]);
  });

  it('names a broken environment variable with the inputs, before any request', async () => {
    const env = { GLOBUS_SDK_HTTP_TIMEOUT: 'soon', GLOBUS_SDK_SERVICE_URL_AUTH: 'ftp://x/' };
    expect(await problemsOf({ ...AUTH, operation: 'list' }, env)).toEqual([
      {
        input: 'GLOBUS_SDK_SERVICE_URL_AUTH',
        message: '"ftp://x/" must start with https:// or http://',
      },
      {
        input: 'GLOBUS_SDK_HTTP_TIMEOUT',
        message: '"soon" is not a number of seconds (or -1 for no timeout)',
      },
    ]);
  });
});

describe('a spec file', () => {
  const write = (name: string, text: string) => writeFileSync(join(inputsWorkspace(), name), text);
  const ONE_TIMER = `name: a\nsource-endpoint: ${SRC}\ndestination-endpoint: ${DST}\nitems: /a, /b\ninterval: 1h\n`;
  beforeAll(() => write('one.yml', ONE_TIMER));

  it('replaces the timer inputs for apply as for plan', async () => {
    expect(await problemsOf({ ...AUTH, operation: 'apply', 'spec-file': 'one.yml' })).toEqual([]);
  });

  it.each([
    ['list', {}],
    ['update', { 'job-id': JOB }],
    ['delete', { name: 'a' }],
  ])('is refused by %s', async (operation, rest) => {
    expect(await problemsOf({ ...AUTH, operation, 'spec-file': 'one.yml', ...rest })).toEqual([
      { input: 'spec-file', message: 'is read by apply and plan only' },
    ]);
  });

  it('is refused beside timer inputs, naming every one given', async () => {
    expect(
      await problemsOf({
        ...AUTH,
        operation: 'plan',
        'spec-file': 'one.yml',
        'source-endpoint': SRC,
        interval: '1d',
      }),
    ).toEqual([
      {
        input: 'spec-file',
        message:
          'describe timers in the spec file or with inputs, not both (also given: source-endpoint, interval)',
      },
    ]);
  });

  it("reports the file's own problems with the inputs'", async () => {
    write('broken.yml', 'timers: 3\n');
    const problems = await problemsOf({
      ...AUTH,
      operation: 'plan',
      'spec-file': 'broken.yml',
      retries: '99',
    });
    expect(problems).toEqual([
      { input: 'retries', message: '"99" must be between 0 and 10' },
      {
        input: 'spec-file',
        message: '`timers:` must be a non-empty list',
        file: 'broken.yml',
        line: 1,
      },
    ]);
  });
});
