import { ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServiceConfig } from '@marketpulse/config';
import { JetStreamServer } from '@marketpulse/messaging';
import { JsonLogger } from '@marketpulse/observability';
import { installFastReads } from './fast-reads';
import { HttpExceptionFilter } from './http-exception.filter';

/** Largest request body any service accepts. */
const BODY_LIMIT = '5mb';

export interface ServiceDescription {
  name: string;
  title: string;
  description: string;
}

/**
 * How every Marketpulse service starts: JSON logs, validated input, one error shape, OpenAPI at
 * `/openapi.json` and `/docs`, shutdown hooks, then HTTP before the JetStream listener (a hybrid app
 * whose handlers inherit the app's pipes and filters).
 */
export async function createServiceApp(
  appModule: DynamicModule,
  config: ServiceConfig,
  service: ServiceDescription,
): Promise<INestApplication> {
  const logger = new JsonLogger(service.name, config.LOG_LEVEL, config.INSTANCE_ID);
  const app = await NestFactory.create<NestExpressApplication>(appModule, { logger, abortOnError: false });
  try {
    configure(app, service);
    await app.listen(config.PORT, config.HOST);
    await app.startAllMicroservices();
  } catch (error) {
    // Release what did start (pools, NATS) so the failure is the only thing left to report.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** Body limits, validation, the error shape, OpenAPI, fast reads and the JetStream listener. */
function configure(app: NestExpressApplication, service: ServiceDescription): void {
  // Imports (portfolio transactions, vc rounds) send files of thousands of rows; express's 100 kB default
  // refused them before validation could say anything. CSV may also come as a text/csv body.
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('text', { type: 'text/csv', limit: BODY_LIMIT });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service.title)
      .setDescription(service.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  installFastReads(app);
  app.connectMicroservice<MicroserviceOptions>(
    { strategy: app.get(JetStreamServer) },
    { inheritAppConfig: true },
  );
}

/** For `main.ts`: a config error is printed plainly (not as a stack) and exits 1. */
export async function runService(start: () => Promise<INestApplication>): Promise<void> {
  try {
    await start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'start-up failed', error: message })}\n`);
    process.exit(1);
  }
}
