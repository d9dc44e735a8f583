import { ProvisioningConflictError } from '@marketpulse/messaging';
import { AckPolicy, RetentionPolicy, jetstreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService } from '../../../test/support/service-harness';

describe('stream and consumer provisioning', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let nc: NatsConnection;
  const namespaces: string[] = [];

  const start = (namespace: string) =>
    startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
  });

  afterAll(async () => {
    await nc?.close();
    for (const namespace of namespaces) await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('fails start-up loudly when an existing stream cannot be brought in line', async () => {
    const namespace = testNamespace();
    namespaces.push(namespace);
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({
      name: `${namespace.toUpperCase()}_MARKET`,
      subjects: [`${namespace}.price.>`],
      retention: RetentionPolicy.Workqueue,
    });
    await expect(start(namespace)).rejects.toThrow(ProvisioningConflictError);
    await expect(start(namespace)).rejects.toThrow(
      /exists with retention=workqueue .* wants retention=limits/,
    );
  });

  it('updates drifted settings in place: stream subjects and limits, consumer max_deliver and ack_wait', async () => {
    const namespace = testNamespace();
    namespaces.push(namespace);
    const jsm = await jetstreamManager(nc);
    const stream = `${namespace.toUpperCase()}_MARKET`;
    await jsm.streams.add({ name: stream, subjects: [`${namespace}.price.>`], max_age: nanos(60_000) });
    await jsm.consumers.add(stream, {
      durable_name: 'probe__price_updated_any',
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${namespace}.price.updated.*`,
      max_deliver: 99,
      ack_wait: nanos(5000),
    });
    const service = await start(namespace);
    await service.close();
    const info = await jsm.streams.info(stream);
    expect(info.config.subjects).toEqual(
      ['price.>', 'candle.>', 'signal.>', 'fx.>'].map((subject) => `${namespace}.${subject}`),
    );
    expect(info.config.max_age).toBe(nanos(7 * 24 * 60 * 60 * 1000));
    const consumer = await jsm.consumers.info(stream, 'probe__price_updated_any');
    expect(consumer.config.max_deliver).toBe(4);
    expect(consumer.config.ack_wait).toBe(nanos(30_000));
  });

  it('refuses a durable whose filter changed instead of silently consuming something else', async () => {
    const namespace = testNamespace();
    namespaces.push(namespace);
    const jsm = await jetstreamManager(nc);
    const stream = `${namespace.toUpperCase()}_MARKET`;
    await jsm.streams.add({ name: stream, subjects: [`${namespace}.price.>`, `${namespace}.candle.>`] });
    await jsm.consumers.add(stream, {
      durable_name: 'probe__price_updated_any',
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${namespace}.candle.>`,
    });
    await expect(start(namespace)).rejects.toThrow(
      /durable probe__price_updated_any .* cannot change in place/,
    );
  });
});
