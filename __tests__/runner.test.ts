import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile } from '../scripts/action-runner.js';
import { runnerCore } from '../src/runner.js';

/** The runner's protocol as runner.ts speaks it: what it writes, where, and how escaped. */
function runner(inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gta-runner-'));
  const env = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...inputs,
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const lines: string[] = [];
  const core = runnerCore(env, (text) => lines.push(text));
  const read = (file: string) => readFileSync(file, 'utf8');
  return {
    core,
    lines,
    output: () => read(env.GITHUB_OUTPUT),
    summary: () => read(env.GITHUB_STEP_SUMMARY),
  };
}

describe('runnerCore', () => {
  it('reads inputs from INPUT_* variables, trimmed, names upper-cased with spaces as _', () => {
    const { core } = runner({ 'INPUT_JOB-ID': '  abc \n', INPUT_MY_INPUT: 'x' });
    expect(core.getInput('job-id')).toBe('abc');
    expect(core.getInput('my input')).toBe('x');
    expect(core.getInput('missing')).toBe('');
  });

  it('writes outputs of any number of lines as the runner reads them', () => {
    const { core, output } = runner();
    core.setOutput('result', 'created');
    core.setOutput('timer', '{"a":\n1}');
    expect(parseOutputFile(output())).toEqual({ result: 'created', timer: '{"a":\n1}' });
    expect(output()).toMatch(/^result<<ghadelimiter_[0-9a-f-]{36}\ncreated\nghadelimiter_/);
  });

  it('issues commands with their data and properties escaped', () => {
    const { core, lines } = runner();
    core.setSecret('s3cr%t\nline');
    core.debug('a\r\nb');
    core.info('plain, as it is: 100%');
    core.error('bad: items', { title: 'Invalid items', file: 'dir/a,b.csv', startLine: 3 });
    core.warning('careful');
    core.notice('fyi', {});
    expect(lines).toEqual([
      '::add-mask::s3cr%25t%0Aline\n',
      '::debug::a%0D%0Ab\n',
      'plain, as it is: 100%\n',
      '::error title=Invalid items,file=dir/a%2Cb.csv,line=3::bad: items\n',
      '::warning::careful\n',
      '::notice::fyi\n',
    ]);
  });

  it('fails the step: an error command and exit code 1', () => {
    const { core, lines } = runner();
    const before = process.exitCode;
    core.setFailed('it broke');
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(lines).toEqual(['::error::it broke\n']);
  });

  it('appends the job summary as it is', async () => {
    const { core, summary } = runner();
    await core.writeSummary('### one\n');
    await core.writeSummary('| a | b |\n');
    expect(summary()).toBe('### one\n| a | b |\n');
  });

  it('escapes every character that would break a command, however often it occurs', () => {
    const { core, lines } = runner();
    core.debug('100% of 50%\n\nnext\r\rend');
    core.warning('careful', { title: 'Invalid: items, here', file: 'a:b,c:d.csv' });
    expect(lines).toEqual([
      '::debug::100%25 of 50%25%0A%0Anext%0D%0Dend\n',
      '::warning title=Invalid%3A items%2C here,file=a%3Ab%2Cc%3Ad.csv::careful\n',
    ]);
  });

  it('leaves out an annotation property that is empty', () => {
    const { core, lines } = runner();
    core.notice('fyi', { title: '', file: 'timers.yml' });
    expect(lines).toEqual(['::notice file=timers.yml::fyi\n']);
  });

  it('without the runner’s files, outputs and the summary go nowhere, and nothing fails', async () => {
    const lines: string[] = [];
    const core = runnerCore({}, (text) => lines.push(text));
    expect(() => core.setOutput('result', 'created')).not.toThrow();
    await expect(core.writeSummary('### one\n')).resolves.toBeUndefined();
    expect(lines).toEqual([]);
  });
});

describe('runnerCore by default', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env.INPUT_RUNNER_DEFAULT;
  });

  it('reads the process’s environment and writes to stdout', () => {
    process.env.INPUT_RUNNER_DEFAULT = ' from the runner ';
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    const core = runnerCore();
    expect(core.getInput('runner default')).toBe('from the runner');
    core.info('hello');
    expect(written).toEqual(['hello\n']);
  });
});
