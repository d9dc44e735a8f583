import { PriceUpdated, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, OutboxRelay } from '@marketpulse/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { collect, plainClient } from '../../../test/support/nats-client';
import { PrivateNatsServer } from '../../../test/support/private-nats-server';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService, type RunningService } from '../../../test/support/service-harness';

const quote = (index: number): PriceUpdatedV1 => ({
  symbol: `S${index % 50}`,
  price: `${100 + (index % 7)}.25`,
  currency: 'USD',
  asOf: new Date(Date.UTC(2026, 10, 23, 0, 0, 0, index)).toISOString(),
  source: 'test',
  synthetic: true,
});

async function writeEvents(
  service: RunningService<ProbeConfig>,
  from: number,
  count: number,
  perTransaction = 10,
) {
  const dataSource = service.app.get(DataSource);
  const outbox = service.app.get(OutboxPublisher);
  const ids: string[] = [];
  for (let start = from; start < from + count; start += perTransaction) {
    await dataSource.transaction(async (manager) => {
      const size = Math.min(perTransaction, from + count - start);
      const events = Array.from({ length: size }, (_, offset) => ({
        contract: PriceUpdated,
        payload: quote(start + offset),
      }));
      ids.push(...(await outbox.publishAllInTransaction(manager, events)));
    });
  }
  return ids;
}

describe(OutboxRelay.name, () => {
  let nats: PrivateNatsServer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const started: RunningService<ProbeConfig>[] = [];

  const start = async (namespace: string) => {
    const service = await startService(
      ProbeConfig,
      (config) => ProbeModule.forRoot(config, { consume: false }),
      {
        DATABASE_URL: database.url,
        NATS_URL: nats.url,
        MESSAGING_NAMESPACE: namespace,
        OUTBOX_POLL_INTERVAL_MS: '200',
      },
    );
    started.push(service);
    return service;
  };
  const streamMessages = async (namespace: string) => {
    const nc = await plainClient(nats.url);
    try {
      const jsm = await jetstreamManager(nc);
      return (await jsm.streams.info(`${namespace.toUpperCase()}_MARKET`)).state.messages;
    } finally {
      await nc.close();
    }
  };

  beforeAll(async () => {
    nats = await PrivateNatsServer.start();
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((service) => service.close()));
  });

  afterAll(async () => {
    await database?.drop();
    await nats?.dispose();
  });

  it('publishes committed rows in order, with the row id as Nats-Msg-Id', async () => {
    const namespace = testNamespace();
    const service = await start(namespace);
    const nc = await plainClient(nats.url);
    const received = collect(nc, `${namespace}.price.updated.>`);
    const ids = await writeEvents(service, 0, 300);
    await expectEventually(() => expect(received).toHaveLength(300));
    expect(received.map((message) => message.headers?.get('Nats-Msg-Id'))).toEqual(ids);
    expect(received.map((message) => message.json<{ id: string }>().id)).toEqual(ids);
    await nc.close();
  });

  it('loses nothing when NATS stops and starts again mid-run: count in = count out', async () => {
    const namespace = testNamespace();
    const service = await start(namespace);
    const total = 3000;
    const writing = writeEvents(service, 0, total);
    await expectEventually(
      async () => expect(await streamMessages(namespace)).toBeGreaterThan(300),
      20_000,
      20,
    );
    await nats.stop();
    // Writes go on while NATS is away: the outbox keeps them.
    const ready = await service.get<{ status: string; dependencies: Record<string, { status: string }> }>(
      '/health/ready',
    );
    expect(ready.status).toBe(503);
    expect(ready.body.dependencies.nats.status).toBe('down');
    expect(ready.body.dependencies.database.status).toBe('up');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const relay = service.app.get(OutboxRelay);
    expect(await relay.pendingCount()).toBeGreaterThan(0);
    const metrics = await service.get<string>('/metrics');
    expect(Number(/^marketpulse_outbox_pending_rows (\d+)$/m.exec(metrics.body)?.[1])).toBeGreaterThan(0);
    // The failed attempts are recorded on the rows (and survive the relay's rollback-free failure path).
    await expectEventually(
      async () => {
        const [row] = await service.app
          .get(DataSource)
          .query(
            'SELECT max(attempts) AS attempts, max(last_error) AS error FROM probe.outbox WHERE sent_at IS NULL',
          );
        expect(row.attempts).toBeGreaterThan(0);
        expect(row.error).toEqual(expect.any(String));
      },
      20_000,
      250,
    );
    await nats.resume();
    await writing;
    await expectEventually(async () => expect(await relay.pendingCount()).toBe(0), 45_000, 250);
    expect(await streamMessages(namespace)).toBe(total);
    await expectEventually(async () => expect((await service.get('/health/ready')).status).toBe(200));
  });

  it('two replicas relaying one outbox send each row once', async () => {
    const namespace = testNamespace();
    const first = await start(namespace);
    await start(namespace);
    const nc = await plainClient(nats.url);
    const received = collect(nc, `${namespace}.price.updated.>`);
    const ids = await writeEvents(first, 0, 1000, 25);
    await expectEventually(() => expect(received.length).toBeGreaterThanOrEqual(1000), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A core subscriber sees every publish, even ones JetStream would drop as duplicates.
    expect(received).toHaveLength(1000);
    expect(new Set(received.map((message) => message.headers?.get('Nats-Msg-Id')))).toEqual(new Set(ids));
    expect(await streamMessages(namespace)).toBe(1000);
    await nc.close();
  });
});
