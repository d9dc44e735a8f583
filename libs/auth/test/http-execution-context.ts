import type { ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthenticatedRequest } from '../src/authenticated-user';

export interface FakeResponse {
  headers: Record<string, string>;
  setHeader(name: string, value: string): void;
}

/** The HTTP request, response and ExecutionContext a guard sees, without Nest or a server. */
export function httpExecutionContext(headers: IncomingHttpHeaders = {}): {
  context: ExecutionContext;
  request: AuthenticatedRequest;
  response: FakeResponse;
} {
  const request: AuthenticatedRequest = { headers };
  const response: FakeResponse = {
    headers: {},
    setHeader(name, value) {
      this.headers[name.toLowerCase()] = value;
    },
  };
  const args = [request, response, () => undefined];
  const unsupported = (): never => {
    throw new Error('not an HTTP context feature the auth guards use');
  };
  const context: ExecutionContext = {
    getType: <T extends string = string>() => 'http' as T,
    getArgs: <T extends unknown[] = unknown[]>() => args as T,
    getArgByIndex: <T = unknown>(index: number) => args[index] as T,
    getClass: unsupported,
    getHandler: unsupported,
    switchToRpc: unsupported,
    switchToWs: unsupported,
    switchToHttp: () => ({
      getRequest: <T = unknown>() => request as T,
      getResponse: <T = unknown>() => response as T,
      getNext: <T = unknown>() => args[2] as T,
    }),
  };
  return { context, request, response };
}
