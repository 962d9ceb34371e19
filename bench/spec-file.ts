/**
 * A spec file of 200 new timers through the bundle at a simulated round trip, with one create in
 * ten refused with 429 once. The emulator's own faults take the next matching requests (a
 * refused create's retry could be refused again), so a small proxy in front of Timers does the
 * refusing: the first create of every tenth timer name to arrive, exactly once, after the same
 * round trip. Afterwards the emulator's state must hold exactly the 200 timers, none twice.
 * With `refuse: { forMs }`, the refusals come together instead, as a rate limiter's would: every create
 * that arrives within that time of the first one is refused once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS, type Emulator } from '../emulator/index.js';
import { faultResponse } from '../emulator/fault-responses.js';
import { timedStep } from './measure.js';
import { stepEnv, succeeded } from './operations.js';

export interface SpecFileRun {
  timers: number;
  milliseconds: number;
  /** Live timers in the emulator afterwards, and how many names among them are repeated. */
  created: number;
  duplicates: number;
  refused: number;
  /** The Retry-After header of the 429s, in seconds; null when they have none. */
  retryAfterSeconds: number | null;
  /** Whether the refusals came together (within `forMs` of the first create). */
  together: boolean;
}

export function specFileWorkspace(count: number): string {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-bench-spec-'));
  const names = Array.from(
    { length: count },
    (_, i) => `  - name: bulk/${String(i).padStart(3, '0')}`,
  );
  const lines = [
    'defaults:',
    `  source-endpoint: ${SEEDED_COLLECTIONS.guest.id}`,
    `  destination-endpoint: ${SEEDED_COLLECTIONS.gcsv4Host.id}`,
    '  items: /data/, /backup/, true',
    '  interval: 1d',
    'timers:',
    ...names,
  ];
  writeFileSync(join(workspace, 'timers.yml'), `${lines.join('\n')}\n`);
  return workspace;
}

/** Which creates are refused once: of every n-th name, or all those of the first `forMs`. */
type RefusalRule = { every: number } | { forMs: number };

interface RefusingProxy {
  url: string;
  refused: () => number;
  close: () => Promise<void>;
}

/**
 * Forwards everything to the emulator but the first create of every `every`-th timer name, or,
 * with `forMs`, of every name whose create arrives within that time of the first create.
 */
async function refusingProxy(
  emulator: Emulator,
  rule: RefusalRule,
  retryAfterSeconds: number | null,
): Promise<RefusingProxy> {
  const seen = new Set<string>();
  let firstCreateAt: number | undefined;
  let refused = 0;
  const refuse = (response: ServerResponse, path: string) => {
    const asSent = { method: 'POST', url: path, rawHeaders: [], rawBody: '' };
    const { body } = faultResponse({ status: 429 }, 'timers', path, asSent);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (retryAfterSeconds !== null) headers['Retry-After'] = String(retryAfterSeconds);
    setTimeout(() => {
      response.writeHead(429, headers);
      response.end(JSON.stringify(body));
    }, emulator.config().latency_ms);
  };
  const forward = (incoming: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    upstream.end(body);
  };
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (incoming.url ?? '').replace(/^\/timers/, '');
      if (incoming.method === 'POST' && path === '/v2/timer') {
        const sent = JSON.parse(body.toString('utf8')) as { timer?: { name?: unknown } };
        const name = String(sent.timer?.name);
        if (!seen.has(name)) {
          seen.add(name);
          firstCreateAt ??= Date.now();
          const refusing =
            'every' in rule
              ? (seen.size - 1) % rule.every === 0
              : Date.now() - firstCreateAt < rule.forMs;
          if (refusing) {
            refused += 1;
            return refuse(response, path);
          }
        }
      }
      forward(incoming, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function measureSpecFile(
  emulator: Emulator,
  node: string,
  options: {
    timers: number;
    roundTrip: number;
    refuse: RefusalRule;
    retryAfterSeconds: number | null;
  },
): Promise<SpecFileRun> {
  emulator.reset();
  emulator.configure({ latency_ms: options.roundTrip });
  const workspace = specFileWorkspace(options.timers);
  const proxy = await refusingProxy(emulator, options.refuse, options.retryAfterSeconds);
  try {
    const env = stepEnv(
      emulator,
      { 'spec-file': 'timers.yml' },
      { GITHUB_WORKSPACE: workspace, GLOBUS_SDK_SERVICE_URL_TIMERS: `${proxy.url}/timers/` },
    );
    const timed = succeeded('spec file', await timedStep(node, ['dist/index.js'], env));
    const live = emulator
      .state()
      .timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status))
      .map((t) => t.name);
    return {
      timers: options.timers,
      milliseconds: timed.milliseconds,
      created: live.length,
      duplicates: live.length - new Set(live).size,
      refused: proxy.refused(),
      retryAfterSeconds: options.retryAfterSeconds,
      together: 'forMs' in options.refuse,
    };
  } finally {
    await proxy.close();
    emulator.reset();
  }
}
