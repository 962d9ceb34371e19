import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Progress, duration, type Ticker } from '../../src/cli/progress.js';
import { Screen, wantsColour } from '../../src/cli/screen.js';
import { TerminalCore } from '../../src/cli/terminal-core.js';

/* What the command prints on stderr: readable lines, colour only on a terminal, a live line. */

class FakeStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 80,
  ) {}
  write(text: string) {
    this.text += text;
  }
  /** What a terminal would show: the status line's erasures applied. */
  get shown(): string {
    return this.text
      .split('\r\u001b[2K')
      .map((part, i, all) => (i < all.length - 1 ? part.replace(/[^\n]*$/, '') : part))
      .join('');
  }
}

const ESC = '\u001b[';

function terminal(options: { tty?: boolean; colour?: boolean; verbose?: boolean } = {}) {
  const stream = new FakeStream(options.tty ?? false);
  const screen = new Screen(stream, options.colour ?? false);
  const core = new TerminalCore({
    input: (name) => ({ name: '  nightly  ' })[name] ?? '',
    screen,
    verbose: options.verbose ?? false,
  });
  return { stream, screen, core };
}

describe('wantsColour', () => {
  it('colours a terminal only, and never with NO_COLOR set', () => {
    expect(wantsColour(new FakeStream(true), {})).toBe(true);
    expect(wantsColour(new FakeStream(false), {})).toBe(false);
    expect(wantsColour(new FakeStream(true), { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(new FakeStream(true), { NO_COLOR: '' })).toBe(true);
  });
});

describe('TerminalCore', () => {
  it('prints log lines and annotations as plain lines, never as workflow commands', () => {
    const { core, stream } = terminal();
    core.info('Created timer "nightly" (1234)');
    core.notice('already paused');
    core.warning('interval ignored', { file: 'timers.yml', startLine: 4 });
    core.warning('no place', { title: 'Title only' });
    core.debug('GET /jobs/: 200');
    expect(stream.text).toBe(
      [
        'Created timer "nightly" (1234)',
        'notice: already paused',
        'timers.yml:4: warning: interval ignored',
        'warning: no place',
        '',
      ].join('\n'),
    );
    expect(stream.text).not.toContain('::');
  });

  it('prints debug lines with --verbose', () => {
    const { core, stream } = terminal({ verbose: true });
    core.debug('GET /jobs/: 200');
    expect(stream.text).toBe('GET /jobs/: 200\n');
  });

  it('colours the labels on a terminal', () => {
    const { core, stream } = terminal({ tty: true, colour: true });
    core.warning('careful');
    core.setFailed('broken');
    expect(stream.text).toBe(
      `${ESC}33mwarning:${ESC}39m careful\n${ESC}31merror:${ESC}39m broken\n`,
    );
  });

  it('puts the place of an error annotation on the failure line that repeats it', () => {
    const { core, stream } = terminal();
    core.error('items-file (line 3): not a path', { file: 'items.csv', startLine: 3 });
    core.error('spec-file: elsewhere', { file: 'timers.yml' });
    core.setFailed(
      'Invalid inputs; nothing was sent to Globus:\n- items-file (line 3): not a path',
    );
    core.flush();
    expect(stream.text).toBe(
      [
        'timers.yml: error: spec-file: elsewhere',
        'error: Invalid inputs; nothing was sent to Globus:',
        '  - items-file (line 3): not a path (items.csv:3)',
        '',
      ].join('\n'),
    );
    expect(core.failure).toContain('Invalid inputs');
  });

  it('keeps outputs and reads inputs trimmed', () => {
    const { core } = terminal();
    core.setOutput('job-id', 'abc');
    expect([...core.outputs]).toEqual([['job-id', 'abc']]);
    expect(core.getInput('name')).toBe('nightly');
    expect(core.getInput('interval')).toBe('');
  });

  it('keeps quiet about the failure of a step Ctrl-C stopped', () => {
    const stream = new FakeStream();
    const core = new TerminalCore({
      input: () => '',
      screen: new Screen(stream, false),
      verbose: false,
      interrupted: () => true,
    });
    core.setFailed('Globus Timers GET /jobs/: no answer before the request timeout');
    expect(core.failure).toMatch(/no answer/);
    expect(stream.text).toBe('');
  });

  it('writes the summary to --summary FILE, replacing what an earlier run left', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gta-cli-summary-')), 'summary.markdown');
    for (const run of ['first', 'second']) {
      const core = new TerminalCore({
        input: () => '',
        screen: new Screen(new FakeStream(), false),
        verbose: false,
        summaryFile: file,
      });
      await core.writeSummary(`### ${run}\n`);
      await core.writeSummary('| table |\n');
    }
    expect(readFileSync(file, 'utf8')).toBe('### second\n| table |\n');
  });

  it('writes no summary without --summary', async () => {
    const { core, stream } = terminal();
    await expect(core.writeSummary('### x')).resolves.toBeUndefined();
    expect(stream.text).toBe('');
  });
});

describe('Screen', () => {
  it('keeps a live status line under the log on a terminal', () => {
    const stream = new FakeStream(true);
    const screen = new Screen(stream, false);
    screen.setStatus('apply: 3s so far');
    screen.print('Created timer "a" (1)');
    screen.setStatus('apply: 4s so far');
    screen.setStatus('');
    expect(stream.shown).toBe('Created timer "a" (1)\n');
    expect(stream.text).toContain('apply: 4s so far');
  });

  it('cuts the status line to the terminal’s width, 80 when it does not say', () => {
    const status = `wait: ${'x'.repeat(200)}`;
    for (const [columns, shown] of [
      [40, 39],
      [0, 79],
    ] as const) {
      const stream = new FakeStream(true, columns);
      new Screen(stream, false).setStatus(status);
      expect(stream.text).toBe(status.slice(0, shown));
    }
  });

  it('never draws a status line in a log file or a pipe', () => {
    const stream = new FakeStream(false);
    const screen = new Screen(stream, false);
    screen.setStatus('apply: 3s so far');
    screen.print('line');
    expect(stream.text).toBe('line\n');
  });
});

describe('Progress', () => {
  /** A clock moved by hand, and a ticker whose ticks the test gives. */
  function progress(tty: boolean) {
    let now = 0;
    const ticks: (() => void)[] = [];
    const ticker: Ticker = (_ms, tick) => {
      ticks.push(tick);
      return () => ticks.splice(0);
    };
    const stream = new FakeStream(tty);
    const shown = new Progress(new Screen(stream, false), () => now, 'wait', ticker);
    let wake: () => void = () => {};
    const sleep = shown.sleeper(() => new Promise<void>((resolve) => (wake = resolve)));
    return {
      stream,
      shown,
      sleep,
      wake: () => wake(),
      tick: (ms: number) => {
        now += ms;
        for (const tick of ticks) tick();
      },
      ticks,
    };
  }

  it('on a terminal, says how long the step has run and when its sleep ends', async () => {
    const p = progress(true);
    p.tick(65_000);
    expect(p.stream.text.endsWith('wait: 1m05s so far')).toBe(true);
    const sleeping = p.sleep(3_600_000);
    p.tick(1000);
    expect(p.stream.text.endsWith('wait: 1m06s so far; resuming in 59m59s')).toBe(true);
    p.wake();
    await sleeping;
    expect(p.stream.text.endsWith('wait: 1m06s so far')).toBe(true);
    p.shown.stop();
    expect(p.ticks).toEqual([]);
    expect(p.stream.shown).toBe('');
  });

  it('in a log, gives a long sleep one line and a short one none', async () => {
    const p = progress(false);
    expect(p.ticks).toEqual([]);
    p.tick(5000);
    const long = p.sleep(90_000);
    p.wake();
    await long;
    const short = p.sleep(60_000);
    p.wake();
    await short;
    p.shown.stop();
    expect(p.stream.text).toBe('waiting 1m30s (5s so far)\n');
  });

  it.each([
    [0, '0s'],
    [42_400, '42s'],
    [65_000, '1m05s'],
    [3_600_000, '1h00m'],
    [7_380_000, '2h03m'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
});
