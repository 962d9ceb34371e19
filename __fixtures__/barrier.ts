import { Agent, Dispatcher } from 'undici';

/**
 * An undici dispatcher that holds the requests `matches` picks until `parties` of them have
 * arrived, then lets them all go at once: two runs' creates meet here, so both runs have read
 * Globus before either writes — the interleaving of two quick pushes, made certain.
 */
export class RequestBarrier extends Dispatcher {
  private readonly agent = new Agent();
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly parties: number,
    private readonly matches: (options: Dispatcher.DispatchOptions) => boolean,
  ) {
    super();
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandlers,
  ): boolean {
    if (!this.matches(options)) return this.agent.dispatch(options, handler);
    this.held.push(() => this.agent.dispatch(options, handler));
    if (this.held.length === this.parties) for (const release of this.held.splice(0)) release();
    return true;
  }

  override async close(): Promise<void> {
    await this.agent.close();
  }
}
