/*
 * Where the command's log lines go (stderr), with colour only on a terminal and never with
 * NO_COLOR set, and — on a terminal — one live status line kept below them (progress).
 */

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const CODES = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };
export type Colour = keyof typeof CODES;

/** Colour for a stream: on a terminal, unless NO_COLOR is set to anything (no-color.org). */
export function wantsColour(stream: Stream, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export class Screen {
  private status = '';

  constructor(
    private readonly stream: Stream,
    /** Whether to colour what it prints (see wantsColour). */
    private readonly colour: boolean,
  ) {}

  /** Whether a live status line can be kept: on a terminal, not in a log file or a pipe. */
  get live(): boolean {
    return this.stream.isTTY === true;
  }

  paint(colour: Colour, text: string): string {
    if (!this.colour) return text;
    const [on, off] = CODES[colour];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  }

  /** A line of the log, above the status line. */
  print(text: string): void {
    this.erase();
    this.stream.write(`${text}\n`);
    this.draw();
  }

  /** The live line under the log (only on a terminal); '' removes it. */
  setStatus(text: string): void {
    if (!this.live) return;
    this.erase();
    this.status = text;
    this.draw();
  }

  private erase(): void {
    if (this.status) this.stream.write('\r\u001b[2K');
  }

  private draw(): void {
    if (!this.status) return;
    // A terminal that does not say its width (0, or none) gets the usual 80 columns.
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    this.stream.write(this.paint('dim', this.status.slice(0, width)));
  }
}
