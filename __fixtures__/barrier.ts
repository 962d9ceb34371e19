import type { Transport, TransportRequest } from '../src/globus/transport.js';
import { directConnections } from './connections.js';

/**
 * A transport that holds the requests `matches` picks until `parties` of them have arrived,
 * then lets them all go at once: two runs' creates meet here, so both runs have read Globus
 * before either writes — the interleaving of two quick pushes, made certain.
 */
export function requestBarrier(
  parties: number,
  matches: (request: TransportRequest) => boolean,
): Transport {
  const { send } = directConnections();
  const held: (() => void)[] = [];
  return async (request) => {
    if (matches(request)) {
      await new Promise<void>((release) => {
        held.push(release);
        if (held.length === parties) for (const go of held.splice(0)) go();
      });
    }
    return send(request);
  };
}
