import type { PortfolioValuedV1 } from '@marketpulse/contracts';
import Decimal from 'decimal.js';
import { isTradingAt } from '../../services/market-data/src/catalogue/trading-calendar';
import {
  startMarketData,
  type MarketDataUnderTest,
} from '../../services/market-data/test/market-data-under-test';
import {
  payloads,
  startPortfolio,
  today,
  type Holdings,
  type Portfolio,
  type PortfolioUnderTest,
} from '../../services/portfolio/test/portfolio-under-test';
import { expectEventually } from '../support/expect-eventually';
import { testNamespace } from '../support/infrastructure';
import { runJob } from '../support/run-job';

interface PriceView {
  symbol: string;
  price: string;
  currency: string;
  asOf: string;
}

const MINUTE_MS = 60_000;

/**
 * Two refresh slots a minute apart, at most a few minutes ago, when FX trades (24/5): at a weekend the
 * last minutes of Friday's session. Prices are stamped with the slot, so the holdings are valued at a past
 * instant; the staleness limit is set wide enough for that.
 */
function refreshSlots(): [Date, Date] {
  let second = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  const fx = { calendar: '24/5', exchangeTimezone: null } as const;
  while (!isTradingAt(fx, new Date(second)) || !isTradingAt(fx, new Date(second - MINUTE_MS))) {
    second -= MINUTE_MS;
  }
  return [new Date(second - MINUTE_MS), new Date(second)];
}

describe('market-data refresh → portfolio valuation (end to end)', () => {
  const namespace = testNamespace();
  let marketData: MarketDataUnderTest;
  let portfolio: PortfolioUnderTest;

  const refresh = (scheduledFor: Date) =>
    runJob(
      marketData.service.app,
      { service: 'market-data', job: 'refresh-prices', scheduledFor },
      marketData.outcomes,
      namespace,
    );
  const published = async (symbol: string) => {
    const response = await marketData.service.get<PriceView>(`/prices/${symbol}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const read = async (id: string, user: string) =>
    (await portfolio.call<Portfolio>('GET', `/portfolios/${id}`, undefined, user)).body;
  const lastValued = (id: string) => {
    const mine = payloads<PortfolioValuedV1>(portfolio.valued).filter((event) => event.portfolioId === id);
    return mine[mine.length - 1];
  };

  beforeAll(async () => {
    marketData = await startMarketData(namespace);
    // market-data's close removes the namespace's streams, once both have stopped.
    portfolio = await startPortfolio(
      namespace,
      { PORTFOLIO_PRICE_STALE_MS: String(7 * 24 * 3600 * 1000) },
      { keepStreams: true },
    );
  });

  afterAll(async () => {
    try {
      await portfolio?.close();
    } finally {
      await marketData?.close();
    }
  });

  it("values a holding at the price market-data published, converts it at market-data's FX rate, and announces it in portfolio.valued", async () => {
    const [first, second] = refreshSlots();
    await refresh(first);
    // The portfolio service learns the symbol and the rate from market-data's events only.
    await expectEventually(async () => {
      const prices: unknown[] = await portfolio.db.query(`SELECT 1 FROM prices WHERE symbol = 'XAUUSD'`);
      const rates: unknown[] = await portfolio.db.query(`SELECT 1 FROM fx_rates WHERE pair = 'EURUSD'`);
      expect([prices.length, rates.length]).toEqual([1, 1]);
    }, 20_000);

    const dollars = await portfolio.createPortfolio('alice', { name: 'Gold in USD', baseCurrency: 'USD' });
    const euros = await portfolio.createPortfolio('bruno', { name: 'Gold in EUR', baseCurrency: 'EUR' });
    for (const [id, user, quantity] of [
      [dollars.id, 'alice', '2'],
      [euros.id, 'bruno', '3'],
    ]) {
      const bought = await portfolio.addTransaction(
        id,
        { type: 'buy', date: today(), symbol: 'XAUUSD', quantity, price: '4000' },
        user,
      );
      expect(bought.status).toBe(201);
    }

    // The next refresh moves the price (and the rate); the portfolios follow it.
    await refresh(second);
    const gold = await published('XAUUSD');
    const eurusd = await published('EURUSD');
    expect(gold).toMatchObject({ currency: 'USD', asOf: second.toISOString() });
    expect(eurusd.asOf).toBe(second.toISOString());
    const price = new Decimal(gold.price);
    // 2 ounces at the published price; 3 ounces at it, in euros at 1 / EURUSD.
    const inDollars = price.times(2);
    const inEuros = price.times(3).dividedBy(eurusd.price);

    await expectEventually(async () => {
      const held = await portfolio.call<Holdings>(
        'GET',
        `/portfolios/${dollars.id}/holdings`,
        undefined,
        'alice',
      );
      expect(held.body.holdings).toEqual([
        expect.objectContaining({
          symbol: 'XAUUSD',
          price: price.toFixed(),
          priceAsOf: second.toISOString(),
          marketValue: inDollars.toFixed(8),
          stale: false,
        }),
      ]);
      expect((await read(dollars.id, 'alice')).value).toBe(inDollars.toFixed());
      const valuedInEuros = new Decimal((await read(euros.id, 'bruno')).value);
      expect(valuedInEuros.minus(inEuros).abs().toNumber()).toBeLessThan(1e-6);
    }, 20_000);

    await expectEventually(() => {
      expect(new Decimal(lastValued(dollars.id)?.value ?? NaN).eq(inDollars)).toBe(true);
      const announced = lastValued(euros.id);
      expect(announced).toMatchObject({ baseCurrency: 'EUR', ownerId: 'bruno' });
      expect(new Decimal(announced.value).minus(inEuros).abs().toNumber()).toBeLessThan(1e-6);
    });
    // The euro holding's rate is market-data's EURUSD, inverted.
    const [euroHolding] = (await portfolio.holdings(euros.id, 'bruno')).holdings;
    expect(
      new Decimal(euroHolding.fxRate!).minus(new Decimal(1).dividedBy(eurusd.price)).abs().toNumber(),
    ).toBeLessThan(1e-10);
  });
});
