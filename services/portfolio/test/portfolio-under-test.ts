import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { FxRateUpdated } from '@marketpulse/contracts';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { publishPrice } from '../../../test/support/price-events';
import { publishEvent } from '../../../test/support/publish-event';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startServiceUnderTest } from '../../../test/support/service-under-test';
import { AppModule } from '../src/app.module';
import type { PerformanceDto } from '../src/performance/dto/performance.dto';
import { PortfolioConfig } from '../src/portfolio.config';

export interface Portfolio {
  id: string;
  name: string;
  baseCurrency: string;
  costMethod: string;
  value: string;
  stale: boolean;
}
export interface Holding {
  symbol: string;
  quantity: string;
  price?: string;
  priceAsOf?: string;
  fxRate?: string;
  marketValue?: string;
  costBasis?: string;
  averageCost?: string;
  realisedGain?: string;
  stale: boolean;
}
export interface Holdings {
  value: string;
  cash: string;
  totalValue: string;
  stale: boolean;
  holdings: Holding[];
  cashBalances: { currency: string; amount: string }[];
}
export interface ErrorBody {
  message: string | string[];
}
export type Response<T> = { status: number; body: T };

export const bearer = (user: string) => ({
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, user)}`,
});
export const iso = (ms: number) => new Date(ms).toISOString();
export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
export const payloads = <T>(messages: Msg[]) => messages.map((message) => message.json<{ data: T }>().data);
/** An error answer's message(s) as one line, for `toContain`. */
export const messageOf = (body: ErrorBody) => [body.message].flat().join('; ');

export interface PortfolioUnderTest {
  service: RunningService<PortfolioConfig>;
  db: DataSource;
  nc: NatsConnection;
  /** Collected since before the start, on the test namespace. */
  valued: Msg[];
  alertsTriggered: Msg[];
  snapshotsCreated: Msg[];
  jobOutcomes: Msg[];
  call<T>(method: string, path: string, body?: unknown, user?: string): Promise<Response<T>>;
  createPortfolio(user: string, body: object): Promise<Portfolio>;
  /** `headers` beside the owner's token, e.g. an Idempotency-Key. */
  addTransaction(
    portfolioId: string,
    body: object,
    user: string,
    headers?: Record<string, string>,
  ): Promise<Response<{ id: string } & ErrorBody>>;
  /** Adds a transaction that must be accepted (201); its id. */
  recordTransaction(portfolioId: string, body: object, user: string): Promise<string>;
  /** `DELETE /portfolios/:id/transactions/:transactionId`, as `user` (none: no token). */
  deleteTransaction(portfolioId: string, transactionId: string, user?: string): Promise<Response<ErrorBody>>;
  holdings(portfolioId: string, user: string): Promise<Holdings>;
  /** `GET /portfolios/:id/performance` for a range (the route's default when none is given). */
  performance(portfolioId: string, user: string, range?: string): Promise<PerformanceDto>;
  /** Publishes a price and waits until the projection holds it. */
  price(symbol: string, value: string, asOfMs?: number, currency?: string): Promise<void>;
  /** Publishes an EURUSD rate and waits until the projection holds it. */
  eurusd(rate: string, asOfMs?: number): Promise<void>;
  /** Fires one of the service's jobs as the scheduler would and waits for its outcome. */
  runJob(job: string, scheduledFor?: Date): Promise<string>;
  /** Runs the 16:00 snapshot job for a day, waiting for its outcome. */
  snapshotOn(day: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The portfolio service as main.ts starts it, on a database of its own and in `namespace`, with a plain NATS
 * client already collecting its events, and the calls the specs make of it. `close()` stops it and removes
 * its streams and database (pass `keepStreams` when another service of the namespace removes them).
 */
export async function startPortfolio(
  namespace: string,
  env: Record<string, string | undefined> = {},
  { keepStreams = false }: { keepStreams?: boolean } = {},
): Promise<PortfolioUnderTest> {
  const started = await startServiceUnderTest(
    'portfolio',
    PortfolioConfig,
    (config) => AppModule.forRoot(config),
    namespace,
    {
      env: {
        MESSAGING_RETRY_BASE_MS: '50',
        MESSAGING_RETRY_MAX_MS: '200',
        PORTFOLIO_PRICE_STALE_MS: String(10 * 60 * 1000),
        PORTFOLIO_VALUED_INTERVAL_MS: '0',
        ...env,
      },
      collect: ['portfolio.valued', 'portfolio.alert.triggered', 'portfolio.snapshot.created'],
      keepStreams,
    },
  );
  const { service: running, db, nc, outcomes: jobOutcomes, close } = started;

  const call = <T>(method: string, path: string, body?: unknown, user?: string) =>
    running.request<T>(method, path, body, user === undefined ? {} : bearer(user));
  const waitForRow = (table: 'prices' | 'fx_rates', key: 'symbol' | 'pair', value: string, asOfMs: number) =>
    expectEventually(async () => {
      const rows: unknown[] = await db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1 AND as_of = $2`, [
        value,
        iso(asOfMs),
      ]);
      expect(rows).toHaveLength(1);
    });

  const fire = (job: string, scheduledFor?: Date) =>
    runJob(running.app, { service: 'portfolio', job, scheduledFor }, jobOutcomes, namespace);

  return {
    service: running,
    db,
    nc,
    valued: started.collected['portfolio.valued'],
    alertsTriggered: started.collected['portfolio.alert.triggered'],
    snapshotsCreated: started.collected['portfolio.snapshot.created'],
    jobOutcomes,
    call,
    createPortfolio: async (user, body) => {
      const response = await call<Portfolio>('POST', '/portfolios', body, user);
      expect(response.status).toBe(201);
      return response.body;
    },
    addTransaction: (portfolioId, body, user, headers = {}) =>
      running.post(`/portfolios/${portfolioId}/transactions`, body, { ...bearer(user), ...headers }),
    recordTransaction: async (portfolioId, body, user) => {
      const added = await running.post<{ id: string }>(
        `/portfolios/${portfolioId}/transactions`,
        body,
        bearer(user),
      );
      expect(added.status).toBe(201);
      return added.body.id;
    },
    deleteTransaction: (portfolioId, transactionId, user) =>
      call<ErrorBody>('DELETE', `/portfolios/${portfolioId}/transactions/${transactionId}`, undefined, user),
    holdings: async (portfolioId, user) => {
      const response = await call<Holdings>('GET', `/portfolios/${portfolioId}/holdings`, undefined, user);
      expect(response.status).toBe(200);
      return response.body;
    },
    performance: async (portfolioId, user, range) => {
      const query = range === undefined ? '' : `?range=${range}`;
      const path = `/portfolios/${portfolioId}/performance${query}`;
      const response = await call<PerformanceDto>('GET', path, undefined, user);
      expect(response.status).toBe(200);
      return response.body;
    },
    price: async (symbol, value, asOfMs = Date.now(), currency = 'USD') => {
      await publishPrice(running.app, symbol, { price: value, asOf: iso(asOfMs), currency });
      await waitForRow('prices', 'symbol', symbol, asOfMs);
    },
    eurusd: async (rate, asOfMs = Date.now()) => {
      await publishEvent(running.app, FxRateUpdated, {
        pair: 'EURUSD',
        base: 'EUR',
        quote: 'USD',
        rate,
        asOf: iso(asOfMs),
        source: 'test',
        synthetic: true,
      });
      await waitForRow('fx_rates', 'pair', 'EURUSD', asOfMs);
    },
    runJob: fire,
    snapshotOn: (day) => fire('snapshot', new Date(`${day}T16:00:00Z`)),
    close,
  };
}
