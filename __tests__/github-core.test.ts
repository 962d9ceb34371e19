import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile } from '../scripts/action-runner.js';
import { githubCore } from '../src/github-core.js';

/*
 * The runner's side of the CorePort, through @actions/core: what reaches the runner, where, and
 * how escaped — real GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files read back, workflow commands as
 * they are written to stdout.
 */

const RUNNER_VARIABLES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'INPUT_JOB-ID', 'INPUT_MY_INPUT'];
const saved = Object.fromEntries(RUNNER_VARIABLES.map((name) => [name, process.env[name]]));
// @actions/core remembers the summary file it first wrote to: one pair of files for the suite.
const dir = mkdtempSync(join(tmpdir(), 'gta-github-core-'));
const files = { output: join(dir, 'output'), summary: join(dir, 'summary') };
const read = (file: string) => readFileSync(file, 'utf8');
let written: string[];

beforeAll(() => {
  process.env.GITHUB_OUTPUT = files.output;
  process.env.GITHUB_STEP_SUMMARY = files.summary;
});
beforeEach(() => {
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('githubCore', () => {
  it('reads inputs from INPUT_* variables, trimmed, names upper-cased with spaces as _', () => {
    process.env['INPUT_JOB-ID'] = '  abc \n';
    process.env.INPUT_MY_INPUT = 'x';
    const core = githubCore();
    expect(core.getInput('job-id')).toBe('abc');
    expect(core.getInput('my input')).toBe('x');
    expect(core.getInput('missing')).toBe('');
  });

  it('writes outputs of any number of lines to GITHUB_OUTPUT, as the runner reads them', () => {
    const core = githubCore();
    core.setOutput('result', 'created');
    core.setOutput('timer', '{"a":\n1}');
    expect(parseOutputFile(read(files.output))).toEqual({ result: 'created', timer: '{"a":\n1}' });
    expect(read(files.output)).toMatch(
      /^result<<ghadelimiter_[0-9a-f-]{36}\ncreated\nghadelimiter_/,
    );
    expect(written).toEqual([]);
  });

  it('issues commands with their data and annotation properties escaped', () => {
    const core = githubCore();
    core.setSecret('s3cr%t\nline');
    core.debug('a\r\nb');
    core.info('plain, as it is: 100%');
    core.error('bad: items', { title: 'Invalid items', file: 'dir/a,b.csv', startLine: 3 });
    core.warning('careful', { title: 'Invalid: items, here', file: 'a:b,c:d.csv' });
    core.notice('fyi', {});
    core.notice('fyi', { title: '', file: 'timers.yml' });
    core.notice('fyi', { title: '' });
    core.warning('no place');
    expect(written).toEqual([
      '::add-mask::s3cr%25t%0Aline\n',
      '::debug::a%0D%0Ab\n',
      'plain, as it is: 100%\n',
      '::error title=Invalid items,file=dir/a%2Cb.csv,line=3::bad: items\n',
      '::warning title=Invalid%3A items%2C here,file=a%3Ab%2Cc%3Ad.csv::careful\n',
      '::notice::fyi\n',
      '::notice file=timers.yml::fyi\n',
      '::notice::fyi\n',
      '::warning::no place\n',
    ]);
  });

  it('fails the step: an error command and exit code 1', () => {
    const before = process.exitCode;
    try {
      githubCore().setFailed('it broke\non two lines');
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
    expect(written).toEqual(['::error::it broke%0Aon two lines\n']);
  });

  it('appends the job summary to GITHUB_STEP_SUMMARY as it is', async () => {
    const core = githubCore();
    await core.writeSummary('### one\n');
    await core.writeSummary('| a | b |\n');
    expect(read(files.summary)).toBe('### one\n| a | b |\n');
    expect(written).toEqual([]);
  });

  it('outside a runner (no GITHUB_STEP_SUMMARY), writes no summary and does not fail', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    try {
      await expect(githubCore().writeSummary('### one\n')).resolves.toBeUndefined();
    } finally {
      process.env.GITHUB_STEP_SUMMARY = files.summary;
    }
    expect(read(files.summary)).toBe('');
    expect(written).toEqual([]);
  });
});
