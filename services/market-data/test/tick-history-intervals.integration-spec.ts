import { DataSource } from 'typeorm';
import { testNamespace } from '../../../test/support/infrastructure';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import type { PriceHistoryDto } from '../src/prices/dto/price.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('market-data tick history intervals', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  // A past UTC day with a tick every 5 s, the default refresh: 17,280 prices.
  const day = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 3 * DAY_MS);
  const end = new Date(day.getTime() + DAY_MS - 5000);
  const history = (query: string) => md.service.get<PriceHistoryDto>(`/prices/XAUUSD/history?${query}`);

  beforeAll(async () => {
    md = await startMarketData(namespace);
    // Price = 1000 + seconds into the day / 5, so every bucket's OHLC is known by hand.
    await md.service.app.get(DataSource).query(
      `INSERT INTO price_history (symbol, as_of, price, source)
       SELECT 'XAUUSD', $1::timestamptz + n * interval '5 seconds', 1000 + n, 'simulated'
         FROM generate_series(0, 17279) AS n`,
      [day],
    );
  });

  afterAll(() => md?.close());

  it('answers a day in 5-minute buckets by default, the whole day and not its first 83 minutes', async () => {
    const response = await history(`range=1d&to=${end.toISOString()}`);
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body.interval).toBe('5m');
    expect(body.truncated).toBe(false);
    expect(body.points).toHaveLength(288);
    expect(body.points[0].asOf).toBe(day.toISOString());
    expect(body.points[287].asOf).toBe(new Date(end.getTime() - 295_000).toISOString());
    // Bucket 1: ticks 60 … 119.
    expect(body.points[1]).toEqual({
      asOf: new Date(day.getTime() + 300_000).toISOString(),
      price: '1119.00',
      source: 'simulated',
      open: '1060.00',
      high: '1119.00',
      low: '1060.00',
      close: '1119.00',
    });
  });

  it('gives raw ticks on request, cut at the limit and saying so', async () => {
    const { status, body } = await history(`interval=tick&range=1d&to=${end.toISOString()}&limit=1000`);
    expect(status).toBe(200);
    expect(body.interval).toBe('tick');
    expect(body.points).toHaveLength(1000);
    expect(body.truncated).toBe(true);
    expect(body.points[0]).toEqual({ asOf: day.toISOString(), price: '1000.00', source: 'simulated' });
  });

  it('buckets by the hour on request, and keeps raw ticks by default when they all fit', async () => {
    const hours = await history(`interval=1h&range=1d&to=${end.toISOString()}`);
    expect(hours.body.points).toHaveLength(24);
    expect(hours.body.points[23]).toMatchObject({ open: '17560.00', close: '18279.00', high: '18279.00' });
    const few = await history(
      `from=${day.toISOString()}&to=${new Date(day.getTime() + 60_000).toISOString()}`,
    );
    expect(few.body.interval).toBe('tick');
    expect(few.body.points).toHaveLength(13);
    expect(few.body.truncated).toBe(false);
  });

  it('refuses an unknown interval with a 400', async () => {
    const response = await history('interval=2m');
    expect(response.status).toBe(400);
  });
});
