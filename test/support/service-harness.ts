import type { DynamicModule, INestApplication } from '@nestjs/common';
import { loadConfig, type ServiceConfig } from '@marketpulse/config';
import { createServiceApp } from '@marketpulse/platform';
import type { ClassConstructor } from 'class-transformer';

export interface RunningService<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
  get<T>(path: string, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  post<T>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  /** Any other method: PATCH, PUT, DELETE. */
  request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * Starts a service the way `main.ts` does (same bootstrap, real NATS and PostgreSQL) on a random port.
 * Logs are quiet unless TEST_LOG_LEVEL says otherwise.
 */
export async function startService<C extends ServiceConfig>(
  configClass: ClassConstructor<C>,
  module: (config: C) => DynamicModule,
  env: Record<string, string | undefined>,
  name = 'test',
): Promise<RunningService<C>> {
  const config = loadConfig(configClass, {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    NODE_ENV: 'test',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...env,
  });
  const app = await createServiceApp(module(config), config, { name, title: name, description: name });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* plain text, e.g. /metrics */
    }
    return { status: response.status, body: parsed as T };
  };
  let closed = false;
  return {
    app,
    config,
    url,
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body, headers) => call('POST', path, body, headers),
    request: (method, path, body, headers) => call(method, path, body, headers),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
