import { jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { publishPrice } from '../../../test/support/price-events';
import { ProbeConfig } from '../../../test/support/probe/probe.config';
import { ProbeBehaviour } from '../../../test/support/probe/probe.consumer';
import { ProbeModule } from '../../../test/support/probe/probe.module';
import { runTsScript } from '../../../test/support/run-ts-script';
import { startService, type RunningService } from '../../../test/support/service-harness';

describe('npm run dlq (list and replay dead letters)', () => {
  const namespace = testNamespace();
  const env = { NATS_URL, MESSAGING_NAMESPACE: namespace };
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let probe: RunningService<ProbeConfig>;

  const deadLetters = async () => {
    const nc = await plainClient();
    try {
      return (await (await jetstreamManager(nc)).streams.info(`${namespace.toUpperCase()}_DLQ`)).state
        .messages;
    } finally {
      await nc.close();
    }
  };
  const handled = async (id: string) =>
    (await probe.app.get(DataSource).query('SELECT 1 FROM probe.effects WHERE event_id = $1', [id])).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await startService(ProbeConfig, (config) => ProbeModule.forRoot(config), {
      ...env,
      DATABASE_URL: database.url,
    });
  });

  afterAll(async () => {
    await probe?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('lists a dead letter with its reason, then replays it once the cause is fixed', async () => {
    const behaviour = probe.app.get(ProbeBehaviour);
    behaviour.refused.add('LATER');
    const id = await publishPrice(probe.app, 'LATER');
    await expectEventually(async () => expect(await deadLetters()).toBe(1));

    const listed = await runTsScript('scripts/dlq.ts', ['list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /probe__price_updated_any\tprice\.updated\.LATER\tdeliveries=1\tpermanent: LATER is refused for now/,
    );
    expect(listed.stdout).toMatch(/1 dead letter\(s\)/);
    expect(await handled(id)).toBe(0);

    behaviour.refused.delete('LATER');
    const replayed = await runTsScript(
      'scripts/dlq.ts',
      ['replay', '--consumer', 'probe__price_updated_any'],
      env,
    );
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toMatch(/1 dead letter\(s\) replayed/);
    await expectEventually(async () => expect(await handled(id)).toBe(1));
    expect(await deadLetters()).toBe(0);

    const usage = await runTsScript('scripts/dlq.ts', ['replay'], env);
    expect(usage.code).toBe(2);
  });
});
