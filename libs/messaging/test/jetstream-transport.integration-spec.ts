import { HEADERS, PriceUpdated, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { buildEvent } from '@marketpulse/messaging';
import { jetstream, jetstreamManager, type StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testPrice } from '../../../test/support/price-events';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeBehaviour } from '../../../test/support/probe/probe.consumer';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService, type RunningService } from '../../../test/support/service-harness';

describe('JetStream transport (real NATS, real PostgreSQL)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let probe: RunningService<ProbeConfig>;
  let nc: NatsConnection;
  let effects: DataSource;

  const publish = async (subject: string, body: string, msgId: string = randomUUID()) => {
    const js = jetstream(nc);
    const headers = natsHeaders();
    headers.set(HEADERS.type, 'price.updated');
    await js.publish(`${namespace}.${subject}`, body, { msgID: msgId, headers });
  };
  const publishEvent = async (payload: PriceUpdatedV1, id?: string, msgId?: string) => {
    const event = buildEvent(PriceUpdated, payload, 'test', { id });
    await publish(event.subject, JSON.stringify(event.envelope), msgId ?? event.envelope.id);
    return event.envelope.id;
  };
  const handled = async (): Promise<{ symbol: string; event_id: string; delivery: number }[]> =>
    effects.query('SELECT symbol, event_id, delivery FROM probe.effects ORDER BY id');
  const deadLetters = async (): Promise<StoredMsg[]> => {
    const jsm = await jetstreamManager(nc);
    const stream = `${namespace.toUpperCase()}_DLQ`;
    const info = await jsm.streams.info(stream);
    const messages: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message) messages.push(message);
    }
    return messages;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
    probe = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      MESSAGING_RETRY_BASE_MS: '50',
      MESSAGING_RETRY_MAX_MS: '200',
    });
    effects = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await probe?.close();
    await effects?.destroy();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('provisions streams and one durable per handler, idempotently, from code', async () => {
    const jsm = await jetstreamManager(nc);
    const consumer = await jsm.consumers.info(
      `${namespace.toUpperCase()}_MARKET`,
      'probe__price_updated_any',
    );
    expect(consumer.config.filter_subject).toBe(`${namespace}.price.updated.*`);
    expect(consumer.config.ack_policy).toBe('explicit');
    expect(consumer.config.max_deliver).toBe(4);
    // A second instance of the service binds to the same durable instead of creating another.
    const replica = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    });
    await replica.close();
    const consumers: string[] = [];
    for await (const info of await jsm.consumers.list(`${namespace.toUpperCase()}_MARKET`))
      consumers.push(info.name);
    expect(consumers).toEqual(['probe__price_updated_any']);
  });

  it('splits the work between replicas sharing the durable, each event handled once', async () => {
    const replica = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    });
    try {
      const ids = await Promise.all(
        Array.from({ length: 200 }, (_, index) => publishEvent(testPrice(`SPLIT${index % 10}`))),
      );
      await expectEventually(async () => {
        const rows = (await handled()).filter((row) => ids.includes(row.event_id));
        expect(rows).toHaveLength(200);
      });
      const perReplica = await Promise.all(
        [probe, replica].map(async (service) => {
          const metrics = await service.get<string>('/metrics');
          return [
            ...metrics.body.matchAll(
              /subject="price\.updated\.SPLIT\d",consumer="[^"]+",outcome="ok"\} (\d+)/g,
            ),
          ]
            .map((match) => Number(match[1]))
            .reduce((sum, count) => sum + count, 0);
        }),
      );
      expect(perReplica[0] + perReplica[1]).toBe(200);
      expect(perReplica[0]).toBeGreaterThan(0);
      expect(perReplica[1]).toBeGreaterThan(0);
    } finally {
      await replica.close();
    }
  });

  it('parks a malformed payload and an always-failing event in the DLQ with reasons, and processes the valid ones behind them', async () => {
    const before = await publishEvent(testPrice('AAA'));
    const malformed = buildEvent(PriceUpdated, testPrice('BAD'), 'test');
    const body = JSON.parse(JSON.stringify(malformed.envelope));
    body.data.price = '-12,5'; // not a positive decimal string
    await publish(malformed.subject, JSON.stringify(body));
    await publish('price.updated.JUNK', '{not json');
    await publishEvent(testPrice('BOOM'));
    await publishEvent(testPrice('REJECT'));
    const after = [await publishEvent(testPrice('BBB')), await publishEvent(testPrice('CCC'))];

    await expectEventually(async () => {
      const rows = await handled();
      expect(rows.map((row) => row.event_id)).toEqual(expect.arrayContaining([before, ...after]));
    });
    const parked = await expectEventually(async () => {
      const messages = await deadLetters();
      expect(messages).toHaveLength(4);
      return messages;
    }, 20_000);
    const bySubject = new Map(parked.map((message) => [message.header.get(HEADERS.dlqSubject), message]));
    const reasonOf = (subject: string) => bySubject.get(subject)!.header.get(HEADERS.dlqReason);
    expect(reasonOf('price.updated.BAD')).toMatch(/^invalid: .*price must be a positive decimal string/);
    expect(reasonOf('price.updated.JUNK')).toBe('invalid: body is not JSON');
    expect(reasonOf('price.updated.BOOM')).toMatch(
      /^max_deliver: failed 3 times; last error: handler exploded on purpose/,
    );
    expect(reasonOf('price.updated.REJECT')).toBe('permanent: this event can never be handled');
    const boom = bySubject.get('price.updated.BOOM')!;
    expect(boom.header.get(HEADERS.dlqDeliveryCount)).toBe('3');
    expect(boom.header.get(HEADERS.dlqConsumer)).toBe('probe__price_updated_any');
    expect(boom.header.get(HEADERS.dlqStream)).toBe(`${namespace.toUpperCase()}_MARKET`);
    expect(boom.header.get(HEADERS.type)).toBe('price.updated');
    expect(JSON.parse(new TextDecoder().decode(boom.data)).data.symbol).toBe('BOOM');
    // The consumer did not stop: a message published now is still handled.
    const later = await publishEvent(testPrice('DDD'));
    await expectEventually(async () => expect((await handled()).map((row) => row.event_id)).toContain(later));
    const metrics = await probe.get<string>('/metrics');
    expect(metrics.body).toMatch(
      /marketpulse_events_dead_lettered_total\{subject="price.updated.BOOM",consumer="probe__price_updated_any",reason="max_deliver"\} 1/,
    );
  });

  it('a redelivered event has no second effect (inbox)', async () => {
    // Committed, then the ack is lost: JetStream delivers it again.
    const lostAck = await publishEvent(testPrice('LOSTACK'));
    // The same event published again under another message id (a producer retry outside the dedupe window).
    const id: string = randomUUID();
    await publishEvent(testPrice('TWICE'), id, randomUUID());
    await publishEvent(testPrice('TWICE'), id, randomUUID());
    await expectEventually(async () => {
      const metrics = await probe.get<string>('/metrics');
      expect(metrics.body).toMatch(
        /subject="price.updated.LOSTACK",consumer="probe__price_updated_any",outcome="duplicate"\} 1/,
      );
      expect(metrics.body).toMatch(
        /subject="price.updated.TWICE",consumer="probe__price_updated_any",outcome="duplicate"\} 1/,
      );
    });
    const rows = await handled();
    expect(rows.filter((row) => row.event_id === lostAck)).toEqual([
      { symbol: 'LOSTACK', event_id: lostAck, delivery: 1 },
    ]);
    expect(rows.filter((row) => row.event_id === id)).toHaveLength(1);
  });

  it('shuts down gracefully: the in-flight handler finishes and is acked, what was not started is handed back', async () => {
    probe.app.get(ProbeBehaviour).slowMs = 1500;
    const first = await publishEvent(testPrice('SLOW'));
    const second = await publishEvent(testPrice('SLOW'));
    await expectEventually(async () => {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.consumers.info(`${namespace.toUpperCase()}_MARKET`, 'probe__price_updated_any');
      expect(info.num_ack_pending).toBeGreaterThan(0);
    });
    const closing = Date.now();
    await probe.close();
    expect(Date.now() - closing).toBeLessThan(4000);
    expect((await handled()).filter((row) => row.event_id === first)).toHaveLength(1);
    // Nothing is lost: the next instance handles what the stopped one had not started.
    probe = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    });
    probe.app.get(ProbeBehaviour).slowMs = 10;
    await expectEventually(
      async () => expect((await handled()).map((row) => row.event_id)).toContain(second),
      30_000,
    );
    const jsm = await jetstreamManager(nc);
    const info = await jsm.consumers.info(`${namespace.toUpperCase()}_MARKET`, 'probe__price_updated_any');
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    expect((await handled()).filter((row) => row.event_id === first)).toHaveLength(1);
  });
});
