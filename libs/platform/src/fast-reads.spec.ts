import { ModuleRef } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { MetricsService } from '@marketpulse/observability';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installFastReads, type FastRead } from './fast-reads';

/** A real HTTP server whose regular stack answers 'stack'; the app shell hands out the fast reads. */
async function serve(reads: unknown): Promise<{ server: Server; url: string; metrics: MetricsService }> {
  const server = createServer((_request, response) => response.end('stack'));
  const metrics = new MetricsService();
  const app = {
    getHttpServer: () => server,
    // ModuleRef.get throws for a provider no module declares, as Nest's does.
    get: (token: unknown) =>
      token === ModuleRef
        ? {
            get: () => {
              if (reads === undefined) throw new Error('Nest could not find Symbol(FAST_READS) element');
              return reads;
            },
          }
        : metrics,
  } as unknown as INestApplication;
  installFastReads(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, metrics };
}

describe('installFastReads', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('answers what a read knows and passes the rest, query strings and non-GETs to the stack', async () => {
    const read: FastRead = {
      answer: (path) => (path === '/known' ? { route: '/known', body: '{"a":1}' } : undefined),
    };
    const { server, url } = await serve([read]);
    servers.push(server);
    const known = await fetch(`${url}/known`);
    expect(await known.json()).toEqual({ a: 1 });
    expect(known.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(known.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await (await fetch(`${url}/other`)).text()).toBe('stack');
    expect(await (await fetch(`${url}/known?x=1`)).text()).toBe('stack');
    expect(await (await fetch(`${url}/known`, { method: 'POST' })).text()).toBe('stack');
  });

  it('lets the stack answer when a read throws, instead of ending the process', async () => {
    const read: FastRead = {
      answer: () => {
        throw new Error('boom');
      },
    };
    const { server, url } = await serve([read]);
    servers.push(server);
    const response = await fetch(`${url}/anything`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('stack');
  });

  it('refuses fast reads not provided as an array', async () => {
    await expect(serve({ answer: () => undefined })).rejects.toThrow(/array/);
  });

  it('leaves an app without fast reads alone', async () => {
    const { server, url } = await serve(undefined);
    servers.push(server);
    expect(await (await fetch(`${url}/known`)).text()).toBe('stack');
  });
});
