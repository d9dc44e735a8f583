import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { publishPrice } from '../../../test/support/price-events';
import { PrivateNatsServer } from '../../../test/support/private-nats-server';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { startService, type RunningService } from '../../../test/support/service-harness';

describe('consumers across a NATS restart', () => {
  let nats: PrivateNatsServer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let probe: RunningService<ProbeConfig>;

  beforeAll(async () => {
    nats = await PrivateNatsServer.start();
    database = await createTestDatabase();
    probe = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      MESSAGING_NAMESPACE: testNamespace(),
    });
  });

  afterAll(async () => {
    await probe?.close();
    await database?.drop();
    await nats?.dispose();
  });

  const publish = (symbol: string) => publishPrice(probe.app, symbol);
  const handled = async (): Promise<string[]> =>
    (await probe.app.get(DataSource).query('SELECT event_id FROM probe.effects')).map(
      (row: { event_id: string }) => row.event_id,
    );

  it('reconnects by itself and goes on consuming what is published after the restart', async () => {
    const before = await publish('BEFORE');
    await expectEventually(async () => expect(await handled()).toContain(before));
    await nats.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await nats.resume();
    await expectEventually(async () => expect((await probe.get('/health/ready')).status).toBe(200), 20_000);
    const after = await expectEventually(() => publish('AFTER'), 20_000, 250);
    await expectEventually(async () => expect(await handled()).toContain(after), 30_000, 250);
  });
});
