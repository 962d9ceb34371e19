import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  issue: number;
}

/**
 * A local stand-in for the three GitHub REST routes a sticky comment uses, over real HTTP so
 * octokit runs exactly as on a runner. `failWith` makes every call answer that status, with
 * `failBody` (by default GitHub's answer to a token that may not comment).
 */
export class GitHubApiStandIn {
  readonly comments: StoredComment[] = [];
  readonly requests: { method: string; path: string; authorization?: string }[] = [];
  failWith?: number;
  failBody: unknown = { message: 'Resource not accessible by integration' };
  private server?: Server;
  private nextId = 1000;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        this.requests.push({
          method: request.method ?? '',
          path: url.pathname,
          ...(request.headers.authorization
            ? { authorization: request.headers.authorization }
            : {}),
        });
        const send = (status: number, body: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        };
        if (this.failWith) return send(this.failWith, this.failBody);
        const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
        const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (list && request.method === 'GET') {
          return send(
            200,
            this.comments.filter((c) => c.issue === Number(list[1])),
          );
        }
        if (list && request.method === 'POST') {
          const comment = {
            id: this.nextId++,
            body: JSON.parse(text).body,
            issue: Number(list[1]),
          };
          this.comments.push(comment);
          return send(201, comment);
        }
        const existing = one && this.comments.find((c) => c.id === Number(one[1]));
        if (existing && request.method === 'PATCH') {
          existing.body = JSON.parse(text).body;
          return send(200, existing);
        }
        send(404, { message: 'Not Found' });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
