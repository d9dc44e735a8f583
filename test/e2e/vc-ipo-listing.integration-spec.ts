import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import Decimal from 'decimal.js';
import { AppModule as MarketDataModule } from '../../services/market-data/src/app.module';
import { MarketDataConfig } from '../../services/market-data/src/market-data.config';
import { expectEventually } from '../support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../support/nats-client';
import { runJob } from '../support/run-job';
import { startService, type RunningService } from '../support/service-harness';
import { AppModule as VcModule } from '../../services/vc/src/app.module';
import { VcConfig } from '../../services/vc/src/vc.config';

interface Instrument {
  symbol: string;
  name: string;
  category: string;
  calendar: string;
  exchangeTimezone: string;
  currency: string;
  referencePrice: string;
}
interface Ipo {
  companyId: string;
  companyName: string;
  stage: string;
  ticker?: string;
  price?: string;
  exchange?: string;
}

describe('vc.ipo.updated → listed → market-data tracks the ticker (end to end)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let vc: RunningService<VcConfig>;
  let marketData: RunningService<MarketDataConfig>;
  let nc: NatsConnection;
  let outcomes: Msg[];
  let prices: Msg[];

  const instrument = (symbol: string) => marketData.get<Instrument>(`/instruments/${symbol}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
    outcomes = collect(nc, `${namespace}.job.>`);
    prices = collect(nc, `${namespace}.price.updated.>`);
    await nc.flush();
    const env = {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      OUTBOX_POLL_INTERVAL_MS: '100',
    };
    marketData = await startService(
      MarketDataConfig,
      (config) => MarketDataModule.forRoot(config),
      env,
      'market-data',
    );
    vc = await startService(
      VcConfig,
      (config) => VcModule.forRoot(config),
      { ...env, VC_SYNC_ON_START: 'false' },
      'vc',
    );
  });

  afterAll(async () => {
    await vc?.close();
    await marketData?.close();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('adds the companies the sync finds listed to the catalogue, as stocks starting at the IPO price', async () => {
    await runJob(vc.app, { service: 'vc', job: 'sync' }, outcomes, namespace);
    const listed = (await vc.get<{ stage: string; ipos: Ipo[] }[]>('/ipos')).body.find(
      (group) => group.stage === 'listed',
    )!.ipos;
    expect(listed.length).toBeGreaterThan(0);
    for (const ipo of listed) {
      const entry = await expectEventually(async () => {
        const response = await instrument(ipo.ticker!);
        expect(response.status).toBe(200);
        return response.body;
      });
      expect(entry).toMatchObject({ name: ipo.companyName, category: 'stock', calendar: 'exchange' });
      expect(new Decimal(entry.referencePrice).equals(ipo.price!)).toBe(true);
    }
  });

  it('starts tracking a ticker when its IPO moves to listed through the API, and prices for it flow', async () => {
    const priced = (await vc.get<{ stage: string; ipos: Ipo[] }[]>('/ipos')).body.find(
      (group) => group.stage === 'priced',
    )!.ipos[0];
    expect((await instrument(priced.ticker!)).status).toBe(404);

    const listing = await vc.post<Ipo>(`/ipos/${priced.companyId}/transitions`, { to: 'listed' });
    expect(listing.status).toBe(200);
    const entry = await expectEventually(async () => {
      const response = await instrument(priced.ticker!);
      expect(response.status).toBe(200);
      return response.body;
    });
    expect(entry.exchangeTimezone).toBe(priced.exchange === 'LSE' ? 'Europe/London' : 'America/New_York');

    // A refresh in the exchange's session (a Tuesday, 15:30 UTC is 10:30 in New York and 15:30 in London).
    await runJob(
      marketData.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor: new Date('2026-11-24T15:30:00.000Z') },
      outcomes,
      namespace,
    );
    const quote = await expectEventually(() => {
      const message = prices.find(
        (candidate) => candidate.subject === `${namespace}.price.updated.${priced.ticker}`,
      );
      expect(message).toBeDefined();
      return message!.json<EventEnvelope<PriceUpdatedV1>>().data;
    });
    expect(quote.currency).toBe(entry.currency);
    // The simulation starts at the IPO price: one step cannot wander far from it.
    const move = new Decimal(quote.price).div(priced.price!).minus(1).abs();
    expect(move.lessThan(0.2)).toBe(true);
  });
});
