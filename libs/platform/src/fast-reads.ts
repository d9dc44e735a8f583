import { Logger, type INestApplication } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CORRELATION_HEADER, MetricsService, correlationIdFor } from '@marketpulse/observability';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * A GET a service can answer from memory, completely, before the framework's stack (ADR 0011). It answers
 * only what it is sure of; anything else — a miss, a query string, a path that is not quite its own — goes
 * on to the regular route, which stays the documented one and the one that words every error.
 */
export interface FastRead {
  /** The answer for `path` (no query string), or undefined to pass the request on. */
  answer(path: string): FastAnswer | undefined;
}

export interface FastAnswer {
  /** The regular route's metrics label, e.g. `/prices/:symbol`: both paths count as one route. */
  route: string;
  /** JSON. */
  body: string;
}

/** Provide `{ provide: FAST_READS, useFactory: (read) => [read], inject: [...] }` to register fast reads. */
export const FAST_READS = Symbol('FAST_READS');

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts the app's fast reads in front of its HTTP stack: on a hot read the routing, middleware, pipes and
 * filters cost several times the lookup, and their garbage is what set the read's p99. A fast answer carries
 * what the stack would have added that matters — the correlation id header and the request histogram.
 */
export function installFastReads(app: INestApplication): void {
  const reads = registeredFastReads(app);
  if (reads.length === 0) return;
  const metrics = app.get(MetricsService);
  const logger = new Logger('FastReads');
  const server = app.getHttpServer() as Server;
  const stack = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const fast = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' || !request.url || request.url.includes('?')) return false;
    const stop = metrics.httpRequests.startTimer({ method: 'GET' });
    for (const read of reads) {
      const answer = read.answer(request.url);
      if (answer === undefined) continue;
      const { route, body } = answer;
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        [CORRELATION_HEADER]: correlationIdFor(request.headers[CORRELATION_HEADER]),
      });
      response.end(body, () => stop({ route, status: '200' }));
      return true;
    }
    return false;
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    try {
      if (fast(request, response)) return;
    } catch (error) {
      // A listener's throw would end the process; the stack answers instead (and words any error).
      logger.error({ msg: 'fast read failed; answered by the HTTP stack', url: request.url, err: error });
      if (response.headersSent) return;
    }
    for (const listener of stack) listener.call(server, request, response);
  });
}

/** Through ModuleRef: the app's own `get` logs a missing provider as an error before throwing. */
function registeredFastReads(app: INestApplication): FastRead[] {
  try {
    const reads: unknown = app.get(ModuleRef).get(FAST_READS, { strict: false });
    if (!Array.isArray(reads)) throw new TypeError('FAST_READS must be provided as an array of FastRead');
    return reads as FastRead[];
  } catch (error) {
    if (error instanceof TypeError) throw error;
    return [];
  }
}
