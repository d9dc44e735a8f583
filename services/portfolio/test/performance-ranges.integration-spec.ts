import { testNamespace } from '../../../test/support/infrastructure';
import type { PerformanceRange } from '../src/performance/performance-ranges';
import { PerformanceService } from '../src/performance/performance.service';
import { startPortfolio, type PortfolioUnderTest } from './portfolio-under-test';

/**
 * The HTTP route reads the clock; the ranges are about calendar days, so these tests ask the service with a
 * fixed `now` over snapshots the snapshot job took on chosen days (each valued at the price of its moment).
 */
describe('performance ranges 1D, WTD, MTD, YTD and 1Y (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;
  let id: string;

  const at = (instant: string) => new Date(instant);
  const measure = async (range: PerformanceRange, now: Date) => {
    const figures = await portfolio.service.app.get(PerformanceService).get(id, 'perry', range, now);
    return {
      from: figures.from,
      to: figures.to,
      twrNetPercent: figures.twrNetPercent,
      twrGrossPercent: figures.twrGrossPercent,
      maxDrawdownPercent: figures.maxDrawdownPercent,
      points: figures.points,
      partial: figures.partial,
    };
  };
  const expected = (from: string, to: string, twr: string, points: number) => ({
    from,
    to,
    twrNetPercent: twr,
    twrGrossPercent: twr,
    maxDrawdownPercent: '10.0000',
    points,
    partial: false,
  });

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace, { PORTFOLIO_PRICE_STALE_MS: String(30 * 24 * 3600 * 1000) });
    ({ id } = await portfolio.createPortfolio('perry', { name: 'Ranges', baseCurrency: 'USD' }));
    const buy = async (date: string, quantity: string, price: string) =>
      expect(
        (await portfolio.addTransaction(id, { type: 'buy', date, symbol: 'RNGCO', quantity, price }, 'perry'))
          .status,
      ).toBe(201);
    const closeAt = async (day: string, price: string) => {
      await portfolio.price('RNGCO', price);
      await portfolio.snapshotOn(day);
    };
    await portfolio.price('RNGCO', '100');
    await buy('2024-01-02', '10', '100');
    await closeAt('2024-03-05', '80'); // 10 × 80 = 800: 1Y's start for 2025-03-05
    await closeAt('2024-12-31', '100'); // 1,000: YTD's start
    await closeAt('2025-02-28', '120'); // 1,200: MTD's start
    await closeAt('2025-03-02', '125'); // 1,250 on Sunday: WTD's start
    // Tuesday: 5 more at 130 (a flow of 650), close 15 × 130 = 1,950: 1D's start for Wednesday.
    await buy('2025-03-04', '5', '130');
    await closeAt('2025-03-04', '130');
    // Now: 15 × 117 = 1,755.
    await portfolio.price('RNGCO', '117');
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  it('on a Wednesday, starts each range on its first day and measures the time-weighted return by hand', async () => {
    const wednesday = at('2025-03-05T12:00:00Z');
    // Yesterday's close: 1,755 / 1,950 − 1.
    expect(await measure('1D', wednesday)).toEqual(expected('2025-03-05', '2025-03-05', '-10.0000', 2));
    // From Sunday's close: 1,950 / (1,250 + 650) × 1,755 / 1,950 − 1 = 1,755 / 1,900 − 1 = −7.63158 %.
    // The drawdown is Tuesday's peak to now, 10 %.
    expect(await measure('WTD', wednesday)).toEqual(expected('2025-03-03', '2025-03-05', '-7.6316', 3));
    // From February's last close: 1,250 / 1,200 × 1,755 / 1,900 − 1 = 0.962171 − 1 = −3.78289 %.
    expect(await measure('MTD', wednesday)).toEqual(expected('2025-03-01', '2025-03-05', '-3.7829', 4));
    // From the year's last close: 1,200 / 1,000 × 0.962171 − 1 = 15.46053 %.
    expect(await measure('YTD', wednesday)).toEqual(expected('2025-01-01', '2025-03-05', '15.4605', 5));
    // From the close a year ago: 1,000 / 800 × 1.154605 − 1 = 44.32566 %.
    expect(await measure('1Y', wednesday)).toEqual(expected('2024-03-06', '2025-03-05', '44.3257', 6));
  });

  it('takes a Sunday as the last day of the week that began on Monday', async () => {
    const sunday = at('2025-03-09T20:00:00Z');
    // The week is Monday 3 to Sunday 9 March: the same start as on Wednesday, and Tuesday's close since.
    expect(await measure('WTD', sunday)).toEqual(expected('2025-03-03', '2025-03-09', '-7.6316', 3));
  });

  it('answers each range over HTTP from the first day of the current day, week, month and year', async () => {
    const now = new Date();
    const [year, month, date] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
    const mondayBack = (now.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const firstDays: [PerformanceRange, string][] = [
      ['1D', day(year, month, date)],
      ['WTD', day(year, month, date - mondayBack)],
      ['MTD', day(year, month, 1)],
      ['YTD', day(year, 0, 1)],
      // The day after the same day a year ago (28 February for a 29th).
      ['1Y', month === 1 && date === 29 ? day(year - 1, 2, 1) : day(year - 1, month, date + 1)],
    ];
    for (const [range, from] of firstDays) {
      const answer = await portfolio.call<Record<string, unknown>>(
        'GET',
        `/portfolios/${id}/performance?range=${range}`,
        undefined,
        'perry',
      );
      // Every range starts after the last snapshot (4 March 2025, 1,950): 1,755 / 1,950 − 1.
      expect({ range, ...answer.body }).toMatchObject({
        range,
        from,
        to: day(year, month, date),
        twrNetPercent: '-10.0000',
        partial: false,
      });
    }
  });

  it('starts a new week on Monday, from the last close before it', async () => {
    const monday = at('2025-03-10T08:00:00Z');
    // No close on Sunday 9 March: the last one before it (Tuesday's 1,950) is where the week starts.
    // 1,755 / 1,950 − 1.
    expect(await measure('WTD', monday)).toEqual(expected('2025-03-10', '2025-03-10', '-10.0000', 2));
    expect(await measure('1D', monday)).toEqual(expected('2025-03-10', '2025-03-10', '-10.0000', 2));
  });
});
