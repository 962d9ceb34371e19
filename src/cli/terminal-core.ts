import { appendFileSync, writeFileSync } from 'node:fs';
import type { AnnotationPlace, CorePort } from '../core-port.js';
import type { Screen } from './screen.js';

/*
 * The command line's side of the CorePort: inputs from the flags (action.yml's defaults where a
 * flag is missing, as the runner passes them), outputs kept for stdout, log lines and
 * annotations as readable lines on stderr — never a `::workflow-command::` — and the summary to
 * a file when asked. The redactor sits in front of it (main.ts wraps every port), so every
 * secret it is given is already gone from what reaches it.
 */

export interface TerminalCoreOptions {
  /** The raw value of an input, as the runner would pass it ('' when none). */
  input: (name: string) => string;
  screen: Screen;
  verbose: boolean;
  /** Where `--summary FILE` asked the job summary to go. */
  summaryFile?: string;
  /**
   * Whether Ctrl-C stopped the step: its failure (a deadline passed, a request abandoned) is
   * then not news, and the command says what happened instead.
   */
  interrupted?: () => boolean;
}

export class TerminalCore implements CorePort {
  readonly outputs = new Map<string, string>();
  failure?: string;
  /** Error annotations on a file, held until the failure that lists them comes (see setFailed). */
  private readonly placed: { message: string; where: string }[] = [];
  private summaryStarted = false;

  constructor(private readonly options: TerminalCoreOptions) {}

  getInput(name: string): string {
    return this.options.input(name).trim();
  }

  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }

  // A terminal has no mask to register a secret with; the redactor in front removes them.
  setSecret(): void {}

  /**
   * The failure, once. An error annotation it lists word for word is not printed again: its
   * file and line go at the end of the failure's line instead.
   */
  setFailed(message: string): void {
    this.failure = message;
    if (this.options.interrupted?.()) return;
    const lines = message.split('\n').map((line) => {
      const index = this.placed.findIndex((placed) => line === `- ${placed.message}`);
      if (index < 0) return line;
      const [placed] = this.placed.splice(index, 1);
      return `${line} (${placed?.where})`;
    });
    this.flush();
    this.label('red', 'error', lines.join('\n'));
  }

  debug(message: string): void {
    if (this.options.verbose) this.options.screen.print(this.options.screen.paint('dim', message));
  }

  info(message: string): void {
    this.options.screen.print(message);
  }

  notice(message: string, place?: AnnotationPlace): void {
    this.label('cyan', 'notice', message, place);
  }

  warning(message: string, place?: AnnotationPlace): void {
    this.label('yellow', 'warning', message, place);
  }

  error(message: string, place?: AnnotationPlace): void {
    const where = placeOf(place);
    if (where) this.placed.push({ message, where });
    else this.label('red', 'error', message);
  }

  async writeSummary(markdown: string): Promise<void> {
    const file = this.options.summaryFile;
    if (!file) return;
    // The first write of the run replaces what an earlier run left; the rest add to it.
    if (this.summaryStarted) appendFileSync(file, markdown, 'utf8');
    else writeFileSync(file, markdown, 'utf8');
    this.summaryStarted = true;
  }

  /** Error annotations no failure came to list: printed as they are, with their place. */
  flush(): void {
    for (const { message, where } of this.placed.splice(0)) {
      this.label('red', 'error', message, undefined, where);
    }
  }

  /** `warning: message`, or `file:line: warning: message` for a place, as compilers write it. */
  private label(
    colour: 'red' | 'yellow' | 'cyan',
    level: string,
    message: string,
    place?: AnnotationPlace,
    where = placeOf(place),
  ): void {
    const { screen } = this.options;
    const head = `${where ? `${where}: ` : ''}${screen.paint(colour, `${level}:`)}`;
    // A message of several lines (reasons, problems) stays together under its label.
    screen.print(`${head} ${message.replace(/\n/g, '\n  ')}`);
  }
}

function placeOf(place: AnnotationPlace | undefined): string {
  if (!place?.file) return '';
  return place.startLine === undefined ? place.file : `${place.file}:${place.startLine}`;
}
