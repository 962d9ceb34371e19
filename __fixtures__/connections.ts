import { undiciConnections, type Connections } from '../src/globus/transport.js';

/**
 * A step's own connections as run() makes them when no proxy is set, for tests that wrap the
 * real transport (a barrier, a recorder) or hand it to an HttpClient of their own.
 */
export function directConnections(): Connections {
  return undiciConnections({ env: {}, connectTimeoutMs: 10_000, responseTimeoutMs: 60_000 });
}
