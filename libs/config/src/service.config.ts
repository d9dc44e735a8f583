import { IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { IntegerVariable } from './integer-variable.decorator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Settings every service has. A service extends this with its own variables and sets its own PORT default.
 * `process.env` is read only through `loadConfig`, never elsewhere.
 */
export class ServiceConfig {
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be one of development, production, test',
  })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IntegerVariable(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// URLs, e.g. nats://127.0.0.1:4222',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/marketpulse',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/marketpulse';

  @IntegerVariable(1, 200)
  DATABASE_POOL_SIZE = 10;

  /**
   * Prefixes every stream and subject of this deployment. Empty in production; tests and side-by-side
   * environments on one NATS use it to stay apart.
   */
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,32}$/, { message: 'MESSAGING_NAMESPACE must be 1-32 characters of a-z, 0-9 or _' })
  MESSAGING_NAMESPACE?: string;

  @IntegerVariable(1, 100)
  MESSAGING_MAX_DELIVER = 5;

  @IntegerVariable(1000, 600000)
  MESSAGING_ACK_WAIT_MS = 30000;

  /** First retry delay after a handler failure; doubles per delivery up to MESSAGING_RETRY_MAX_MS. */
  @IntegerVariable(10, 600000)
  MESSAGING_RETRY_BASE_MS = 1000;

  @IntegerVariable(10, 3600000)
  MESSAGING_RETRY_MAX_MS = 60000;

  @IntegerVariable(10, 60000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @IntegerVariable(1000, 120000)
  SHUTDOWN_TIMEOUT_MS = 15000;

  @IsOptional()
  @MinLength(1)
  INSTANCE_ID?: string;
}
