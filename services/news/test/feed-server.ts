import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * A feed host for tests: plain node:http, listening on two loopback addresses (127.0.0.1 and
 * 127.0.0.2, two "hosts" for politeness), serving whatever routes the test sets. Records requests.
 */
export class FeedServer {
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly servers: Server[] = [];
  private port = 0;

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  async start(): Promise<void> {
    for (const host of ['127.0.0.1', '127.0.0.2']) {
      const server = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0];
        this.requests.push({ path, headers: request.headers });
        const handler = this.routes.get(path);
        if (!handler) {
          response.writeHead(404).end('not found');
          return;
        }
        void Promise.resolve(handler(request, response)).catch(() => response.destroy());
      });
      await new Promise<void>((resolve) => server.listen(this.port, host, resolve));
      this.port = (server.address() as AddressInfo).port;
      this.servers.push(server);
    }
  }

  async stop(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}

export interface TestItem {
  title: string;
  link: string;
  guid?: string;
  description?: string;
  pubDate?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rss(items: TestItem[], extra = ''): string {
  const body = items
    .map(
      (item) => `<item>
  <title>${escapeXml(item.title)}</title>
  <link>${escapeXml(item.link)}</link>
  ${item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : ''}
  <pubDate>${item.pubDate ?? 'Tue, 24 Nov 2026 10:00:00 GMT'}</pubDate>
  ${item.description ? `<description>${escapeXml(item.description)}</description>` : ''}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${extra}${body}</channel></rss>`;
}
