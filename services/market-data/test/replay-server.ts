import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** What the server answers to one request; `hang` never answers (the client's timeout must end it). */
export interface Replay {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  hang?: boolean;
}

export type Responder = (url: URL) => Replay;

export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

/** Stooq quote CSV keeping only the rows of the symbols asked (`s=a+b`), as the real endpoint does. */
export function stooqQuotesFor(url: URL, csv = fixture('stooq-quotes.csv')): Replay {
  const asked = new Set(
    (url.searchParams.get('s') ?? '').split(/[ +]/).map((symbol) => symbol.toUpperCase()),
  );
  const [header, ...rows] = csv.trim().split('\n');
  return { body: [header, ...rows.filter((row) => asked.has(row.split(',')[0]))].join('\n') + '\n' };
}

/**
 * The quote CSV with every dated row moved to `day` (YYYY-MM-DD), times kept: Stooq's quotes are as of
 * their own date, and one recorded weeks before the test's tick is too old to be a price of it.
 */
export function stooqQuotesDated(day: string, csv = fixture('stooq-quotes.csv')): string {
  return csv.replace(/^([^,\n]+),\d{4}-\d{2}-\d{2},/gm, `$1,${day},`);
}

/**
 * A local HTTP server replaying recorded provider responses. Each path has a script: a list of replies
 * used in turn (the last one repeats). Every request is recorded, so tests can count retries and check
 * that a rate-limited or open-circuit provider was not called.
 */
export class ReplayServer {
  readonly requests: URL[] = [];
  private readonly scripts = new Map<string, Responder[]>();
  private readonly server: Server = createServer((request, response) => this.answer(request, response));
  private baseUrl = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Replaces the script of `path`; a plain Replay is the same answer every time. */
  on(path: string, ...script: (Replay | Responder)[]): this {
    this.scripts.set(
      path,
      script.map((step) => (typeof step === 'function' ? step : () => step)),
    );
    return this;
  }

  requestsTo(path: string): URL[] {
    return this.requests.filter((url) => url.pathname === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: import('node:http').ServerResponse): void {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const served = this.requests.filter((seen) => seen.pathname === url.pathname).length;
    this.requests.push(url);
    const script = this.scripts.get(url.pathname);
    if (!script) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no replay for ${url.pathname}`);
      return;
    }
    const replay = script[Math.min(served, script.length - 1)](url);
    if (replay.hang) return;
    response.writeHead(replay.status ?? 200, replay.headers ?? {}).end(replay.body ?? '');
  }
}
