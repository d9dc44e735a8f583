import type { Msg } from '@nats-io/nats-core';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { COMMODITY_CATEGORIES, COMMODITY_GROUPS } from '../src/commodities/commodity-groups';
import type { CommodityConfigDto } from '../src/commodities/dto/commodity-config.dto';
import type { CommodityGroupDto } from '../src/commodities/dto/commodity-group.dto';
import type { CommodityOverviewDto } from '../src/commodities/dto/commodity-overview.dto';
import type { TrendingDto } from '../src/commodities/dto/trending.dto';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { MarketDataConfig } from '../src/market-data.config';

const PERCENT = /^-?\d+\.\d{2}$/;
const PRICE = /^\d+\.\d{2,4}$/;

describe('market-data commodities API (/commodities)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let outcomes: Msg[];

  /**
   * One refresh-prices run stamped now. 24/7 instruments (the precious metals) always get a price; the 24/5
   * ones only on weekdays, so elsewhere a missing price is allowed and must come back as nulls.
   */
  const refreshPrices = () =>
    runJob(service.app, { service: 'market-data', job: 'refresh-prices' }, outcomes, namespace);

  beforeAll(async () => {
    md = await startMarketData(namespace);
    ({ service, outcomes } = md);
    await service.app.get(HistoryBackfillService).settled();
    await refreshPrices();
  });

  afterAll(() => md?.close());

  it('gives every commodity category with prices, day changes and movers', async () => {
    const overview = await service.get<CommodityOverviewDto>('/commodities/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.categories.map((entry) => entry.category)).toEqual([...COMMODITY_CATEGORIES]);
    for (const entry of overview.body.categories) {
      expect(entry.instruments.every((quote) => quote.category === entry.category)).toBe(true);
      expect(entry.count).toBe(entry.instruments.length);
      const changes = entry.instruments.flatMap((quote) =>
        quote.changePercent === null ? [] : [Number(quote.changePercent)],
      );
      if (changes.length > 0) {
        expect(entry.averageChangePercent).toMatch(PERCENT);
        expect(Number(entry.best!.changePercent)).toBe(Math.max(...changes));
        expect(Number(entry.worst!.changePercent)).toBe(Math.min(...changes));
      } else {
        expect(entry).toMatchObject({ averageChangePercent: null, best: null, worst: null });
      }
      for (const quote of entry.instruments) {
        if (quote.price === null) {
          expect(quote).toMatchObject({ asOf: null, changePercent: null, synthetic: null, stale: true });
        } else {
          expect(quote.price).toMatch(PRICE);
          expect(typeof quote.synthetic).toBe('boolean');
        }
      }
    }
    const gold = overview.body.categories
      .flatMap((entry) => entry.instruments)
      .find((quote) => quote.symbol === 'XAUUSD');
    expect(gold).toMatchObject({ category: 'precious-metal', stale: false, synthetic: true });
    expect(gold?.price).toMatch(/^\d+\.\d{2}$/);
    expect(gold?.previousClose).toMatch(/^\d+\.\d{2}$/);
    expect(gold?.changePercent).toMatch(PERCENT);
  });

  it.each([
    ['metals', ['XAUUSD', 'XAGUSD', 'ZINC']],
    ['ai-materials', ['LITHIUM', 'HG', 'COBALT']],
    ['space-tech', ['TITANIUM', 'ALUMINIUM']],
    ['energy', ['BRENT', 'WTI', 'NATGAS']],
  ] as const)('serves /commodities/%s with only its categories', async (group, expected) => {
    const response = await service.get<CommodityGroupDto>(`/commodities/${group}`);
    expect(response.status).toBe(200);
    const categories: readonly string[] = COMMODITY_GROUPS[group];
    expect(response.body.group).toBe(group);
    expect(response.body.instruments.every((item) => categories.includes(item.category))).toBe(true);
    const symbols = response.body.instruments.map((item) => item.symbol);
    expect(symbols).toEqual(expect.arrayContaining([...expected]));
    // Every bar figure is a decimal or null (history too short); gold, 24/7 with 400 days of bars, has all.
    for (const item of response.body.instruments) {
      for (const value of [item.momentum1m, item.momentum3m])
        expect(value === null || PERCENT.test(value)).toBe(true);
      for (const value of [item.high52, item.low52]) expect(value === null || PRICE.test(value)).toBe(true);
      if (item.high52 !== null && item.low52 !== null) {
        expect(Number(item.low52)).toBeLessThanOrEqual(Number(item.high52));
      }
    }
    const gold = response.body.instruments.find((item) => item.symbol === 'XAUUSD');
    if (group === 'metals') {
      expect(gold?.momentum1m).toMatch(PERCENT);
      expect(gold?.momentum3m).toMatch(PERCENT);
      expect(gold?.high52).toMatch(/^\d+\.\d{2}$/);
      expect(gold?.low52).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('lists only commodities in the config, with provider symbols', async () => {
    const config = await service.get<CommodityConfigDto[]>('/commodities/config');
    expect(config.status).toBe(200);
    const categories: readonly string[] = COMMODITY_CATEGORIES;
    expect(config.body.every((item) => categories.includes(item.category))).toBe(true);
    const symbols = config.body.map((item) => item.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['XAUUSD', 'BRENT', 'LITHIUM', 'TITANIUM', 'ZINC']));
    expect(symbols).not.toContain('EURUSD');
    expect(symbols).not.toContain('BTCUSD');
    expect(symbols).not.toContain('AAPL');
    expect(config.body.find((item) => item.symbol === 'BRENT')).toMatchObject({
      name: 'Brent crude',
      category: 'energy',
      unit: 'barrel',
      currency: 'USD',
      calendar: '24/5',
      providerSymbols: { stooq: 'cb.f', twelvedata: 'XBR/USD' },
    });
  });

  it.each(['1d', '1w', '1m'])('ranks gainers and losers over %s, at most limit of each', async (window) => {
    const response = await service.get<TrendingDto>(`/commodities/trending?limit=3&window=${window}`);
    expect(response.status).toBe(200);
    const { gainers, losers } = response.body;
    expect(response.body.window).toBe(window);
    expect(gainers.length).toBeLessThanOrEqual(3);
    expect(losers.length).toBeLessThanOrEqual(3);
    expect(gainers.length + losers.length).toBeGreaterThan(0);
    const gains = gainers.map((mover) => Number(mover.changePercent));
    const losses = losers.map((mover) => Number(mover.changePercent));
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    expect(gains.every((change) => change > 0)).toBe(true);
    expect(losses.every((change) => change < 0)).toBe(true);
    const categories: readonly string[] = COMMODITY_CATEGORIES;
    expect([...gainers, ...losers].every((mover) => categories.includes(mover.category))).toBe(true);
    expect([...gainers, ...losers].every((mover) => PERCENT.test(mover.changePercent))).toBe(true);
  });

  it('defaults to 5 of each over a day', async () => {
    const response = await service.get<TrendingDto>('/commodities/trending');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ window: '1d', bars: 1 });
    expect(response.body.gainers.length).toBeLessThanOrEqual(5);
    expect(response.body.losers.length).toBeLessThanOrEqual(5);
  });

  it.each(['limit=0', 'limit=51', 'limit=2.5', 'limit=many', 'window=1y', 'window=', 'sort=asc'])(
    'refuses /commodities/trending?%s with 400',
    async (query) => {
      expect((await service.get(`/commodities/trending?${query}`)).status).toBe(400);
    },
  );
});
