import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { MetricsService } from './metrics.service';
import { traceContext } from './trace-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it sent a sane one, else a fresh one. */
export function correlationIdFor(offered: string | string[] | undefined): string {
  return typeof offered === 'string' && VALID_ID.test(offered) ? offered : randomUUID();
}

/** Gives every request a correlation id (the caller's, when it sent a sane one) and times it. */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const correlationId = correlationIdFor(request.header(CORRELATION_HEADER));
    response.setHeader(CORRELATION_HEADER, correlationId);
    const stop = this.metrics.httpRequests.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    traceContext.run({ correlationId }, next);
  }
}
