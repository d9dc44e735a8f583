import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { publishPrice } from '../../../test/support/price-events';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeBehaviour } from '../../../test/support/probe/probe.consumer';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService, type RunningService } from '../../../test/support/service-harness';

describe('a handler slower than ack_wait', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let probe: RunningService<ProbeConfig>;

  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      MESSAGING_ACK_WAIT_MS: '1000',
    });
  });

  afterAll(async () => {
    await probe?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('is kept alive with working() and not redelivered while it runs', async () => {
    probe.app.get(ProbeBehaviour).slowMs = 3500;
    const id = await publishPrice(probe.app, 'SLOW');
    const rows = await expectEventually(async () => {
      const found: { delivery: number }[] = await probe.app
        .get(DataSource)
        .query('SELECT delivery FROM probe.effects WHERE event_id = $1', [id]);
      expect(found).toHaveLength(1);
      return found;
    }, 15_000);
    expect(rows[0].delivery).toBe(1);
    // The server never handed it out again: no redelivery at all, not merely a deduplicated one.
    const nc = await plainClient();
    try {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.consumers.info(`${namespace.toUpperCase()}_MARKET`, 'probe__price_updated_any');
      // One message in the stream, one delivery: a redelivery would have advanced the consumer sequence.
      expect(info.delivered.stream_seq).toBe(1);
      expect(info.delivered.consumer_seq).toBe(1);
      expect(info.num_ack_pending).toBe(0);
    } finally {
      await nc.close();
    }
  });
});
