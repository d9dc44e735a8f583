import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { xirr, type CashFlow } from '@marketpulse/finance';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { publishPrice } from '../../../test/support/price-events';
import { runJob } from '../../../test/support/run-job';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { toPercent } from '../src/money/money';
import type { HoldingPerformanceDto, PerformanceDto } from '../src/performance/dto/performance.dto';
import { rangeBaseline } from '../src/performance/performance-ranges';
import { PortfolioConfig } from '../src/portfolio.config';

const bearer = (user: string) => ({ authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, user)}` });
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The XIRR the service should report for these flows, computed independently of its ledger and snapshots. */
const expectedXirr = (flows: CashFlow[]) => {
  const result = xirr(flows);
  if (!result.defined) throw new Error(`the example's flows have no XIRR: ${result.reason}`);
  return toPercent(result.rate);
};

describe('per-holding performance over the HTTP API (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: RunningService<PortfolioConfig>;
  let db: DataSource;
  let nc: NatsConnection;
  let jobOutcomes: Msg[];

  const createPortfolio = async (user: string, name: string) => {
    const response = await service.post<{ id: string }>(
      '/portfolios',
      { name, baseCurrency: 'USD', costMethod: 'average' },
      bearer(user),
    );
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const trade = async (portfolioId: string, user: string, body: object) => {
    const response = await service.post(`/portfolios/${portfolioId}/transactions`, body, bearer(user));
    expect(response.status).toBe(201);
  };
  /** Publishes a price and waits until the projection holds it. */
  const price = async (symbol: string, value: string) => {
    const asOf = new Date().toISOString();
    await publishPrice(service.app, symbol, { price: value, asOf, currency: 'USD' });
    await expectEventually(async () => {
      const rows: unknown[] = await db.query('SELECT 1 FROM prices WHERE symbol = $1 AND as_of = $2', [
        symbol,
        asOf,
      ]);
      expect(rows).toHaveLength(1);
    });
  };
  const valueIs = async (portfolioId: string, user: string, value: string) =>
    expectEventually(async () => {
      const response = await service.get<{ value: string }>(`/portfolios/${portfolioId}`, bearer(user));
      expect(response.body.value).toBe(value);
    });
  /** The 16:00 snapshot job of a day: every portfolio valued at the prices of the moment. */
  const snapshotOn = (day: string) =>
    runJob(
      service.app,
      { service: 'portfolio', job: 'snapshot', scheduledFor: new Date(`${day}T16:00:00Z`) },
      jobOutcomes,
      namespace,
    );
  const performance = async (portfolioId: string, user: string, range: string) => {
    const response = await service.get<PerformanceDto>(
      `/portfolios/${portfolioId}/performance?range=${range}`,
      bearer(user),
    );
    expect(response.status).toBe(200);
    const holding = (symbol: string) => {
      const found = response.body.holdings.find((line) => line.symbol === symbol);
      expect(found).toBeDefined();
      return found as HoldingPerformanceDto;
    };
    return { body: response.body, holding };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    nc = await plainClient();
    jobOutcomes = collect(nc, `${namespace}.job.>`);
    await nc.flush();
    service = await startService(
      PortfolioConfig,
      (config) => AppModule.forRoot(config),
      {
        DATABASE_URL: database.url,
        NATS_URL,
        MESSAGING_NAMESPACE: namespace,
        OUTBOX_POLL_INTERVAL_MS: '100',
        MESSAGING_RETRY_BASE_MS: '50',
        MESSAGING_RETRY_MAX_MS: '200',
        PORTFOLIO_PRICE_STALE_MS: String(10 * 60 * 1000),
        PORTFOLIO_VALUED_INTERVAL_MS: '0',
      },
      'portfolio',
    );
    db = service.app.get(DataSource);
  });

  afterAll(async () => {
    await service?.close();
    await nc?.close();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('measures each holding’s TWR, XIRR and drawdown from its snapshot lines and its own flows', async () => {
    const id = await createPortfolio('hana', 'Two holdings');
    await price('PHA', '100');
    await price('PHB', '50');
    // 60 days ago: 10 PHA at 100 (fees 2) and 20 PHB at 50; that day's close: PHA 1,100, PHB 1,000.
    await trade(id, 'hana', {
      type: 'buy',
      date: daysAgo(60),
      symbol: 'PHA',
      quantity: '10',
      price: '100',
      fees: '2',
    });
    await trade(id, 'hana', { type: 'buy', date: daysAgo(60), symbol: 'PHB', quantity: '20', price: '50' });
    await price('PHA', '110');
    await snapshotOn(daysAgo(60));
    // 30 days ago: 5 more PHA at 110 (fees 1); close 15 × 99 = 1,485, PHB still 1,000.
    await trade(id, 'hana', {
      type: 'buy',
      date: daysAgo(30),
      symbol: 'PHA',
      quantity: '5',
      price: '110',
      fees: '1',
    });
    await price('PHA', '99');
    await snapshotOn(daysAgo(30));
    // Now: PHA 15 × 120 = 1,800, PHB 20 × 55 = 1,100.
    await price('PHA', '120');
    await price('PHB', '55');
    await valueIs(id, 'hana', '2900');

    const { body, holding } = await performance(id, 'hana', 'MAX');
    // PHA gross: 1,100 / (0 + 1,000) × 1,485 / (1,100 + 550) × 1,800 / 1,485 = 1.1 × 0.9 × 1.2121… = 1.2.
    // Net, the fees put in: 1,100 / 1,002 × 1,485 / 1,651 × 1,800 / 1,485 − 1 = 19.6879 %; its index falls
    // by 1 − 1,485 / 1,651 = 10.0545 % from its peak. Unrealised 1,800 − 1,550 = 250, of 1,550 = 16.1290 %.
    expect(holding('PHA')).toMatchObject({
      twrGrossPercent: '20.0000',
      twrNetPercent: '19.6879',
      maxDrawdownPercent: '10.0545',
      xirrPercent: expectedXirr([
        { date: daysAgo(60), amount: '-1002' },
        { date: daysAgo(30), amount: '-551' },
        { date: today(), amount: '1800' },
      ]),
      unrealisedGain: '250.00000000',
      unrealisedGainPercent: '16.1290',
    });
    expect(holding('PHA').realisedGainPercent).toBeUndefined();
    // PHB: 1,000 / 1,000 × 1,000 / 1,000 × 1,100 / 1,000: +10 %, no fees, never below its start.
    expect(holding('PHB')).toMatchObject({
      twrGrossPercent: '10.0000',
      twrNetPercent: '10.0000',
      maxDrawdownPercent: '0.0000',
      xirrPercent: expectedXirr([
        { date: daysAgo(60), amount: '-1000' },
        { date: today(), amount: '1100' },
      ]),
      unrealisedGainPercent: '10.0000',
    });
    // The portfolio: 2,100 / 2,000 × 2,485 / (2,100 + 550) × 2,900 / 2,485 − 1 = 3,045 / 2,650 − 1, and
    // unrealised (250 + 100) of the cost still held (1,550 + 1,000) = 13.7255 %.
    expect(body).toMatchObject({ twrGrossPercent: '14.9057', unrealisedGainPercent: '13.7255' });
    expect(body.realisedGainPercent).toBeUndefined();
  });

  it('reports sold-out holdings with their realised percent and a TWR that ends at the sale', async () => {
    const id = await createPortfolio('ivan', 'Sales');
    await price('PHC', '80');
    await price('PHD', '250');
    // 50 days ago: 10 PHC at 80 and 5 PHD at 250; that day's close PHC 1,000, PHD 1,000.
    await trade(id, 'ivan', { type: 'buy', date: daysAgo(50), symbol: 'PHC', quantity: '10', price: '80' });
    await trade(id, 'ivan', { type: 'buy', date: daysAgo(50), symbol: 'PHD', quantity: '5', price: '250' });
    await price('PHC', '100');
    await price('PHD', '200');
    await snapshotOn(daysAgo(50));
    // 20 days ago: 4 PHC sold at 100, all PHD at 190; close 6 × 110 = 660, no PHD.
    await trade(id, 'ivan', { type: 'sell', date: daysAgo(20), symbol: 'PHC', quantity: '4', price: '100' });
    await trade(id, 'ivan', { type: 'sell', date: daysAgo(20), symbol: 'PHD', quantity: '5', price: '190' });
    await price('PHC', '110');
    await snapshotOn(daysAgo(20));
    // Now 6 × 121 = 726.
    await price('PHC', '121');
    await valueIs(id, 'ivan', '726');

    const { body, holding } = await performance(id, 'ivan', 'MAX');
    // PHC: 1,000 / 800 × 660 / (1,000 − 400) × 726 / 660 = 1.25 × 1.1 × 1.1 = 1.5125. Realised 4 × (100 − 80)
    // = 80 of the 320 the sold shares cost: 25 %; unrealised 726 − 480 = 246 of 480: 51.25 %.
    expect(holding('PHC')).toMatchObject({
      twrGrossPercent: '51.2500',
      realisedGain: '80.00000000',
      realisedGainPercent: '25.0000',
      unrealisedGainPercent: '51.2500',
      xirrPercent: expectedXirr([
        { date: daysAgo(50), amount: '-800' },
        { date: daysAgo(20), amount: '400' },
        { date: today(), amount: '726' },
      ]),
    });
    // PHD, sold out: 1,000 / 1,250 × 950 / 1,000 (the period of the sale ends at its proceeds) = 0.76, −24 %,
    // its index 24 % below its start; realised 5 × (190 − 250) = −300 of 1,250. Nothing held: no
    // unrealised percent.
    const sold = holding('PHD');
    expect(sold).toMatchObject({
      twrGrossPercent: '-24.0000',
      twrNetPercent: '-24.0000',
      maxDrawdownPercent: '24.0000',
      realisedGain: '-300.00000000',
      realisedGainPercent: '-24.0000',
      xirrPercent: expectedXirr([
        { date: daysAgo(50), amount: '-1250' },
        { date: daysAgo(20), amount: '950' },
      ]),
    });
    expect(sold.unrealisedGainPercent).toBeUndefined();
    // The portfolio: realised (80 − 300) of the cost sold (320 + 1,250) = −14.0127 %.
    expect(body).toMatchObject({ realisedGainPercent: '-14.0127', unrealisedGainPercent: '51.2500' });
  });

  it('counts in XIRR a backdated buy recorded after the starting snapshot, as TWR does', async () => {
    const id = await createPortfolio('jana', 'Backdated');
    await price('PHE', '100');
    const baseline = rangeBaseline('1Y', today())!;
    // The year's starting snapshot finds the portfolio empty; a buy dated ten days before it is entered later.
    await snapshotOn(baseline);
    const before = new Date(Date.parse(`${baseline}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    await trade(id, 'jana', { type: 'buy', date: before, symbol: 'PHE', quantity: '10', price: '100' });
    await price('PHE', '110');
    await valueIs(id, 'jana', '1100');

    // Not in the starting value, the 1,000 goes in at the start: −1,000 on the baseline, +1,100 now; TWR
    // charges it to the first value that includes it, now: 1,100 / (0 + 1,000) − 1.
    const expected = expectedXirr([
      { date: baseline, amount: '-1000' },
      { date: today(), amount: '1100' },
    ]);
    const { body, holding } = await performance(id, 'jana', '1Y');
    expect(body).toMatchObject({ twrNetPercent: '10.0000', xirrPercent: expected });
    expect(holding('PHE')).toMatchObject({ twrNetPercent: '10.0000', xirrPercent: expected });
  });
});
