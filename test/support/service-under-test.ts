import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@marketpulse/config';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import type { ClassConstructor } from 'class-transformer';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase } from './infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from './nats-client';
import { startService, type RunningService } from './service-harness';

export interface ServiceUnderTest<C extends ServiceConfig> {
  service: RunningService<C>;
  db: DataSource;
  nc: NatsConnection;
  /** `job.>` since before the start: what `runJob` waits on. */
  outcomes: Msg[];
  /** For each subject asked for (without the namespace), its messages since before the start. */
  collected: Record<string, Msg[]>;
  close(): Promise<void>;
}

export interface ServiceUnderTestOptions {
  /** Added to (or overriding) the database, NATS, namespace and a 100 ms outbox poll. */
  env?: Record<string, string | undefined>;
  collect?: readonly string[];
  /** Leave the namespace's streams for another service of the namespace to remove. */
  keepStreams?: boolean;
}

/**
 * A service as main.ts starts it, on a database of its own and in `namespace`, with a plain NATS client
 * already collecting what the test will look at (collecting before the start, so that nothing it publishes
 * on starting is missed). `close()` stops it and removes its streams and database; a failed start cleans up
 * the same way.
 */
export async function startServiceUnderTest<C extends ServiceConfig>(
  name: string,
  configClass: ClassConstructor<C>,
  module: (config: C) => DynamicModule,
  namespace: string,
  options: ServiceUnderTestOptions = {},
): Promise<ServiceUnderTest<C>> {
  const database = await createTestDatabase();
  const nc = await plainClient().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const collected = Object.fromEntries(
    (options.collect ?? []).map((subject) => [subject, collect(nc, `${namespace}.${subject}`)]),
  );
  const outcomes = collect(nc, `${namespace}.job.>`);
  await nc.flush();
  let service: RunningService<C> | undefined;
  // Every step runs whatever the one before did: a service that fails to close must still give back its
  // streams (each namespace reserves gigabytes of JetStream storage) and its database.
  const close = async () => {
    const steps = [
      () => service?.close(),
      () => nc.close(),
      () => (options.keepStreams ? undefined : deleteNamespaceStreams(namespace)),
      () => database.drop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  };
  try {
    service = await startService(
      configClass,
      module,
      {
        DATABASE_URL: database.url,
        NATS_URL,
        MESSAGING_NAMESPACE: namespace,
        OUTBOX_POLL_INTERVAL_MS: '100',
        ...options.env,
      },
      name,
    );
  } catch (error) {
    // The start-up error is the one to report, not a clean-up failure after it.
    await close().catch(() => undefined);
    throw error;
  }
  return { service, db: service.app.get(DataSource), nc, outcomes, collected, close };
}
