import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { NATS_URL, createTestDatabase } from '../../../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { MarketDataConfig } from '../src/market-data.config';

export interface MarketDataUnderTest {
  service: RunningService<MarketDataConfig>;
  nc: NatsConnection;
  /** `job.>` since before the start: what `runJob` waits on. */
  outcomes: Msg[];
  /** For each subject asked for (without the namespace), its messages since before the start. */
  collected: Record<string, Msg[]>;
  close(): Promise<void>;
}

/**
 * market-data as main.ts starts it, on a database of its own and in `namespace`, with a plain NATS client
 * already collecting what the test will look at. `close()` stops it and removes its streams and database.
 */
export async function startMarketData(
  namespace: string,
  options: { env?: Record<string, string | undefined>; collect?: readonly string[] } = {},
): Promise<MarketDataUnderTest> {
  const database = await createTestDatabase();
  const nc = await plainClient();
  const collected = Object.fromEntries(
    (options.collect ?? []).map((subject) => [subject, collect(nc, `${namespace}.${subject}`)]),
  );
  const outcomes = collect(nc, `${namespace}.job.>`);
  await nc.flush();
  let service: RunningService<MarketDataConfig> | undefined;
  const close = async () => {
    await service?.close();
    await nc.close();
    await deleteNamespaceStreams(namespace);
    await database.drop();
  };
  try {
    service = await startService(
      MarketDataConfig,
      (config) => AppModule.forRoot(config),
      {
        DATABASE_URL: database.url,
        NATS_URL,
        MESSAGING_NAMESPACE: namespace,
        OUTBOX_POLL_INTERVAL_MS: '200',
        ...options.env,
      },
      'market-data',
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { service, nc, outcomes, collected, close };
}
