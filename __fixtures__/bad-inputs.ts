import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * The bad-input corpus: every input's wrong types and ranges, impossible combinations and
 * hostile files. Each case names the input (or environment variable) its error must name;
 * none of them may cause a single request to Globus.
 */

export interface BadInputCase {
  title: string;
  /** Inputs on top of a valid apply (VALID_APPLY); '' removes one. */
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** The input or variable the error names (as `- <name>` in the failure). */
  names: string;
}

const SRC = 'a1000000-0000-4000-8000-000000000001';
const DST = 'b1000000-0000-4000-8000-000000000004';
const JOB = '0c5e1bde-5a1f-11ef-9a0e-8f1c2a3b4c5d';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const VALID_APPLY: Record<string, string> = {
  operation: 'apply',
  name: 'nightly',
  'source-endpoint': SRC,
  'destination-endpoint': DST,
  items: '/data/, /backup/, true',
  interval: '1d',
};

/** A timer's inputs removed, for operations that act on an existing timer. */
const NO_TIMER = { 'source-endpoint': '', 'destination-endpoint': '', items: '', interval: '' };
const check = (inputs: Record<string, string>) => ({ ...NO_TIMER, operation: 'check', ...inputs });

/** The files the hostile cases point at, in a fresh workspace (and one file outside it). */
export function badInputWorkspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-bad-'));
  const outside = mkdtempSync(join(tmpdir(), 'gta-outside-'));
  const write = (name: string, content: string | Buffer) =>
    writeFileSync(join(workspace, name), content);
  write('items.gz', gzipSync('/data/a.txt, /backup/a.txt\n'.repeat(20)));
  write('nul.csv', '/data/a, /backup/a\n/data/b\u0000, /backup/b\n');
  write('latin1.csv', Buffer.from([0x2f, 0x61, 0xe9, 0x2c, 0x20, 0x2f, 0x62, 0x0a]));
  write('escape.csv', '/data/\u001b[31mred, /backup/red\n');
  write('fields.csv', '/only-one-field\n');
  write('empty.csv', '# nothing but a comment\n');
  mkdirSync(join(workspace, 'folder'));
  writeFileSync(join(outside, 'secret.csv'), '/etc/shadow, /backup/shadow\n');
  symlinkSync(join(outside, 'secret.csv'), join(workspace, 'link.csv'));
  write('bad.yml', 'timers: [\n  - name: x\n');
  write('list.yml', '- name: x\n');
  write('empty-timers.yml', 'timers: []\n');
  write('unknown-key.yml', 'timers:\n  - name: a\nschedule: daily\n');
  write(
    'entry.yml',
    `timers:\n  - name: a\n    source-endpoint: ${SRC}\n    destination-endpoint: ${DST}\n    items: /a, /b\n    interval: often\n`,
  );
  write(
    'twice.yml',
    `defaults:\n  source-endpoint: ${SRC}\n  destination-endpoint: ${DST}\n  items: /a, /b\n  interval: 1d\ntimers:\n  - name: a\n  - name: a\n`,
  );
  write('defaults-name.yml', 'defaults:\n  name: x\ntimers:\n  - name: a\n');
  write('spec.gz', gzipSync('timers:\n  - name: a\n'));
  symlinkSync(join(outside, 'secret.csv'), join(workspace, 'link.yml'));
  return workspace;
}

type Inputs = Record<string, string>;
type Env = Record<string, string>;
type Cases = [title: string, inputs: Inputs, env?: Env][];

const itemsFile = (file: string): Inputs => ({ items: '', 'items-file': file });
const flowOnly: Inputs = {
  'source-endpoint': '',
  'destination-endpoint': '',
  items: '',
  'flow-id': '88718c96-6f3d-48f7-b4b1-b64633be40f5',
};
const specFile = (file: string): Inputs => ({ ...NO_TIMER, 'spec-file': file });
const env = (name: string, value: string): [Inputs, Env] => [{}, { [name]: value }];

/** The cases by the input (or variable) their error must name. */
const CORPUS: Record<string, Cases> = {
  operation: [['an unknown operation', { operation: 'deploy' }]],
  'client-id': [
    ['no client id', { 'client-id': '' }, { GLOBUS_CLIENT_ID: '' }],
    ['a client id that is not a UUID', { 'client-id': 'my-client' }],
  ],
  'client-secret': [['no client secret', { 'client-secret': '' }, { GLOBUS_CLIENT_SECRET: '' }]],
  environment: [
    ['an unknown environment', { environment: 'prod' }],
    ['an environment in capitals', { environment: 'Production' }],
    ['an unknown GLOBUS_SDK_ENVIRONMENT', ...env('GLOBUS_SDK_ENVIRONMENT', 'moon')],
  ],
  timeout: [
    ['a timeout that is not a duration', { timeout: 'soon' }],
    ['a zero timeout', { timeout: '0' }],
    ['a negative timeout', { timeout: '-5' }],
  ],
  retries: [
    ['retries that are not a number', { retries: 'many' }],
    ['too many retries', { retries: '11' }],
    ['fractional retries', { retries: '2.5' }],
  ],
  name: [
    ['apply without a name', { name: '' }],
    ['a name on two lines', { name: 'night\nly' }],
    ['delete with job id and name', { ...NO_TIMER, operation: 'delete', 'job-id': JOB }],
  ],
  'job-id': [
    ['a job id that is not a UUID', check({ 'job-id': 'abc' })],
    ['check with neither job id nor name', check({ name: '' })],
    ['update without a job id', { operation: 'update', interval: '' }],
  ],
  'source-endpoint': [
    ['a source that is not a UUID', { 'source-endpoint': 'my-laptop' }],
    ['no source', { 'source-endpoint': '' }],
  ],
  'destination-endpoint': [['a destination that is not a UUID', { 'destination-endpoint': '42' }]],
  items: [
    ['no items', { items: '' }],
    ['an item with one field', { items: '/only-one' }],
    ['an item with four fields', { items: '/a, /b, true, extra' }],
    ['an item with an empty source', { items: ', /b' }],
    ['an item with an unreadable recursive', { items: '/a, /b, maybe' }],
    ['an item with an unclosed quote', { items: '"/a, /b' }],
    ['an item with a control character', { items: '/a\u0007, /b' }],
    ['items and an items file', { 'items-file': 'items.csv' }],
  ],
  'items-file': [
    ['a missing items file', itemsFile('missing.csv')],
    ['an items file that is a folder', itemsFile('folder')],
    ['a gzip items file', itemsFile('items.gz')],
    ['an items file with a NUL byte', itemsFile('nul.csv')],
    ['an items file that is not UTF-8', itemsFile('latin1.csv')],
    ['an items file with terminal escapes', itemsFile('escape.csv')],
    ['an items file with a one-field line', itemsFile('fields.csv')],
    ['an items file holding no items', itemsFile('empty.csv')],
    ['an items file linked from outside the workspace', itemsFile('link.csv')],
    ['an absolute items file outside the workspace', itemsFile('/etc/hostname')],
    ['an items file climbing out of the workspace', itemsFile('../../etc/hostname')],
  ],
  label: [
    ['a label over 128 characters', { label: 'x'.repeat(129) }],
    ['a label with a slash', { label: 'nightly/results' }],
    ['a label with an emoji', { label: 'nightly 🌙' }],
  ],
  'sync-level': [
    ['an unknown sync level', { 'sync-level': 'fast' }],
    ['a sync level out of range', { 'sync-level': '4' }],
  ],
  'verify-checksum': [['verify-checksum yes', { 'verify-checksum': 'yes' }]],
  'encrypt-data': [['encrypt-data maybe', { 'encrypt-data': 'maybe' }]],
  'preserve-timestamp': [['preserve-timestamp 1', { 'preserve-timestamp': '1' }]],
  'delete-destination-extra': [
    ['delete-destination-extra on', { 'delete-destination-extra': 'on' }],
  ],
  'skip-source-errors': [['skip-source-errors nope', { 'skip-source-errors': 'nope' }]],
  'fail-on-quota-errors': [['fail-on-quota-errors Yes', { 'fail-on-quota-errors': 'Yes' }]],
  notify: [
    ['an unknown notify event', { notify: 'succeeded,sometimes' }],
    ['notify always', { notify: 'always' }],
  ],
  'data-access': [
    ['data-access all', { 'data-access': 'all' }],
    ['data-access with a bad id', { 'data-access': `${SRC}, xyz` }],
  ],
  interval: [
    ['an interval that is not a duration', { interval: 'often' }],
    ['an interval under a minute', { interval: '30' }],
    ['an interval over a year', { interval: '400d' }],
    ['an interval in months', { interval: 'P1M' }],
    ['no interval for a recurring timer', { interval: '' }],
  ],
  start: [
    ['a start that is not a date', { start: 'tomorrow' }],
    ['a start in month 13', { start: '2026-13-01' }],
    ['a start two years ahead', { start: fromNow(2 * 365 * DAY) }],
    ['a run-once start that has passed', { 'stop-after-runs': '1', start: fromNow(-HOUR) }],
  ],
  timezone: [['an unknown time zone', { timezone: 'Mars/Olympus' }]],
  'stop-after-runs': [
    ['zero runs', { 'stop-after-runs': '0' }],
    ['runs that are not a number', { 'stop-after-runs': 'two' }],
  ],
  'stop-after-date': [
    ['a stop date that is not a date', { 'stop-after-date': 'never' }],
    ['a stop date that has passed', { 'stop-after-date': '2020-01-01' }],
    ['a stop date before the start', { start: fromNow(30 * DAY), 'stop-after-date': fromNow(DAY) }],
    [
      'a stop date before the first run',
      { interval: '1w', start: fromNow(-DAY), 'stop-after-date': fromNow(HOUR) },
    ],
  ],
  concurrency: [
    ['no concurrency at all', { ...specFile('twice.yml'), concurrency: '0' }],
    ['too much concurrency', { ...specFile('twice.yml'), concurrency: '33' }],
  ],
  'flow-id': [
    ['a flow id that is not a UUID', { ...flowOnly, 'flow-id': 'my-flow' }],
    ['a flow with transfer inputs', { 'flow-id': SRC }],
  ],
  'flow-input': [
    ['a flow input that is not an object', { ...flowOnly, 'flow-input': '[1, 2]' }],
    ['a flow input that does not parse', { ...flowOnly, 'flow-input': '{"a": ' }],
  ],
  'run-managers': [['a run manager that is not a URN', { ...flowOnly, 'run-managers': 'me' }]],
  'fail-on': [['an unknown fail-on reason', check({ name: 'n', 'fail-on': 'run-error,oops' })]],
  'stale-after': [
    ['a stale-after that is not a duration', check({ name: 'n', 'stale-after': 'x' })],
  ],
  'status-filter': [
    ['an unknown status filter', { ...NO_TIMER, operation: 'list', 'status-filter': 'running' }],
  ],
  comment: [['comment sure', { comment: 'sure' }]],
  summary: [['summary maybe', { summary: 'maybe' }]],
  'spec-file': [
    ['a missing spec file', specFile('missing.yml')],
    ['a spec file that is not YAML', specFile('bad.yml')],
    ['a spec file holding a list', specFile('list.yml')],
    ['a spec file with no timers', specFile('empty-timers.yml')],
    ['a spec file with an unknown key', specFile('unknown-key.yml')],
    ['a spec file whose defaults set a name', specFile('defaults-name.yml')],
    ['a gzip spec file', specFile('spec.gz')],
    ['a spec file linked from outside the workspace', specFile('link.yml')],
    ['a spec file with timer inputs too', { 'spec-file': 'entry.yml' }],
    ['a spec file for check', check({ name: 'n', 'spec-file': 'entry.yml' })],
  ],
  'timer "a" (line 2), interval': [
    ['a spec file entry with a bad interval', specFile('entry.yml')],
  ],
  'timer "a", name': [['a spec file naming a timer twice', specFile('twice.yml')]],
  GLOBUS_SDK_SERVICE_URL_TIMERS: [
    ['an ftp Timers URL', ...env('GLOBUS_SDK_SERVICE_URL_TIMERS', 'ftp://timers.example/')],
  ],
  GLOBUS_SDK_SERVICE_URL_AUTH: [
    ['an Auth URL that is not a URL', ...env('GLOBUS_SDK_SERVICE_URL_AUTH', 'not a url')],
  ],
  GLOBUS_SDK_SERVICE_URL_TRANSFER: [
    ['a Transfer URL without a scheme', ...env('GLOBUS_SDK_SERVICE_URL_TRANSFER', 'localhost:80/')],
  ],
  GLOBUS_SDK_SERVICE_URL_TIMER: [
    ['a Python-style Timer URL without a host', ...env('GLOBUS_SDK_SERVICE_URL_TIMER', 'https://')],
  ],
  GLOBUS_SDK_HTTP_TIMEOUT: [
    ['a request timeout that is not a number', ...env('GLOBUS_SDK_HTTP_TIMEOUT', 'soon')],
  ],
  HTTPS_PROXY: [['a proxy that is not a URL', ...env('HTTPS_PROXY', 'proxy.corp 3128')]],
};

export const BAD_INPUTS: BadInputCase[] = Object.entries(CORPUS).flatMap(([names, cases]) =>
  cases.map(([title, inputs, variables]) => ({
    title,
    inputs,
    ...(variables ? { env: variables } : {}),
    names,
  })),
);

/** An instant this many milliseconds from now, as an ISO date-time (a week's tick is days away). */
function fromNow(milliseconds: number): string {
  return new Date(Date.now() + milliseconds).toISOString();
}
