import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { traceContext } from '@marketpulse/observability';
import type { Response } from 'express';

/**
 * Every HTTP error in one JSON shape. Unexpected errors are logged with their stack and answered with a
 * 500 that carries the correlation id, never the internals.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const correlationId = traceContext.current()?.correlationId;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      response.status(status).json({
        statusCode: status,
        error: HttpStatus[status] ?? 'Error',
        message: message ?? error.message,
        correlationId,
      });
      return;
    }
    this.logger.error({ msg: 'unhandled error in request', err: error });
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: 500,
      error: 'INTERNAL_SERVER_ERROR',
      message: 'Internal error; quote the correlation id when reporting it',
      correlationId,
    });
  }
}
