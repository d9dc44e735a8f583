import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { traceContext } from './trace-context';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger interface over pino: one JSON object per line on stdout, with service, instance,
 * context and the correlation id of the work in progress.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(
    service: string,
    level: Level = 'info',
    instance?: string,
    destination?: pino.DestinationStream,
  ) {
    this.pino = pino(
      {
        level,
        base: { service, instance },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const trace = traceContext.current();
          return trace ? { correlationId: trace.correlationId, causationId: trace.causationId } : {};
        },
      },
      destination,
    );
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  setLogLevels(_levels: NestLogLevel[]): void {
    // The level comes from LOG_LEVEL; Nest's own list is ignored on purpose.
  }

  /** Nest passes `(message, ...optional, context)`; errors pass `(message, stack, context)`. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = { context };
    for (const arg of args) {
      if (arg instanceof Error) fields.err = arg;
      else if (typeof arg === 'string' && arg.includes('\n    at ')) fields.stack = arg;
      else if (arg && typeof arg === 'object') Object.assign(fields, arg);
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (message && typeof message === 'object') {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.pino[level]({ ...fields, ...rest }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
