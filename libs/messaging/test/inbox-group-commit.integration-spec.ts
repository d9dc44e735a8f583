import { PriceUpdated, type EventEnvelope } from '@marketpulse/contracts';
import { InboxService, JetStreamContext, buildEvent } from '@marketpulse/messaging';
import type { JsMsg } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { testPrice } from '../../../test/support/price-events';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams } from '../../../test/support/nats-client';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService, type RunningService } from '../../../test/support/service-harness';

/** A context as the transport builds it, for an event that was never on the wire. */
function contextFor(symbol: string, id: string = randomUUID()): JetStreamContext {
  const envelope = buildEvent(PriceUpdated, testPrice(symbol), 'test', { id }).envelope as EventEnvelope;
  const message = { info: { deliveryCount: 1 } } as unknown as JsMsg;
  return new JetStreamContext([`price.updated.${symbol}`, message, envelope, 'grouped-test']);
}

describe(`${InboxService.name}.onceGrouped (group commit)`, () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: RunningService<ProbeConfig>;
  let inbox: InboxService;

  const effect = (context: JetStreamContext) => async (manager: EntityManager) => {
    if (context.envelope.data && (context.envelope.data as { symbol: string }).symbol === 'BOOM') {
      throw new Error('this one fails');
    }
    await manager.query('INSERT INTO probe.effects (event_id, symbol, delivery) VALUES ($1, $2, 1)', [
      context.envelope.id,
      (context.envelope.data as { symbol: string }).symbol,
    ]);
    return context.envelope.id;
  };
  const effects = async (): Promise<string[]> =>
    (await service.app.get(DataSource).query('SELECT event_id FROM probe.effects')).map(
      (row: { event_id: string }) => row.event_id,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config, { consume: false }), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
    });
    inbox = service.app.get(InboxService);
  });

  afterAll(async () => {
    await service?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('commits a burst of events with their effects, each exactly once', async () => {
    const contexts = Array.from({ length: 300 }, (_, index) => contextFor(`G${index % 7}`));
    const results = await Promise.all(contexts.map((context) => inbox.onceGrouped(context, effect(context))));
    expect(results).toEqual(contexts.map((context) => context.envelope.id));
    const stored = await effects();
    for (const context of contexts) expect(stored.filter((id) => id === context.envelope.id)).toHaveLength(1);
  });

  it('treats a repeat as a duplicate, also inside one batch', async () => {
    const id: string = randomUUID();
    const [first, second] = [contextFor('DUP', id), contextFor('DUP', id)];
    await Promise.all([inbox.onceGrouped(first, effect(first)), inbox.onceGrouped(second, effect(second))]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect((await effects()).filter((stored) => stored === id)).toHaveLength(1);
    const later = contextFor('DUP', id);
    expect(await inbox.onceGrouped(later, effect(later))).toBeUndefined();
    expect(later.duplicate).toBe(true);
  });

  it('fails only the event whose work failed; the others of its batch commit', async () => {
    const contexts = Array.from({ length: 40 }, (_, index) =>
      contextFor(index === 17 ? 'BOOM' : `OK${index}`),
    );
    const outcomes = await Promise.allSettled(
      contexts.map((context) => inbox.onceGrouped(context, effect(context))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect((outcomes[17] as PromiseRejectedResult).reason.message).toBe('this one fails');
    const stored = await effects();
    contexts.forEach((context, index) => expect(stored.includes(context.envelope.id)).toBe(index !== 17));
    // The failed event left no inbox row, so its redelivery will run it again.
    const [{ count }] = await service.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM probe.inbox WHERE event_id = $1', [
        contexts[17].envelope.id,
      ]);
    expect(count).toBe(0);
  });

  it('batch(): a set-based processor sees each fresh event once, with the batch in one transaction', async () => {
    const batches: number[] = [];
    const batch = inbox.batch<JetStreamContext, string>(
      async (manager, items) => {
        batches.push(items.length);
        if (items.some((context) => (context.envelope.data as { symbol: string }).symbol === 'BOOM')) {
          throw new Error('a batch with the bad one fails');
        }
        const values = items.map((context) => `('${context.envelope.id}', 'SET', 1)`).join(', ');
        await manager.query(`INSERT INTO probe.effects (event_id, symbol, delivery) VALUES ${values}`);
        return items.map((context) => context.envelope.id);
      },
      { maxBatch: 32 },
    );
    const repeatId: string = randomUUID();
    const contexts = [
      ...Array.from({ length: 100 }, (_, index) => contextFor(index === 41 ? 'BOOM' : `SET${index}`)),
      contextFor('SET', repeatId),
      contextFor('SET', repeatId),
    ];
    const outcomes = await Promise.allSettled(contexts.map((context) => batch.submit(context, context)));
    // Batches formed (not one event per transaction), and the failed one was split so only BOOM failed.
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect((outcomes[41] as PromiseRejectedResult).reason.message).toBe('a batch with the bad one fails');
    const stored = await effects();
    contexts.forEach((context, index) =>
      expect(stored.filter((id) => id === context.envelope.id)).toHaveLength(index === 41 ? 0 : 1),
    );
    expect(contexts.slice(100).filter((context) => context.duplicate)).toHaveLength(1);
  });
});
