import { xirr } from '@marketpulse/finance';
import { testNamespace } from '../../../test/support/infrastructure';
import { money, toPercent } from '../src/money/money';
import type { HoldingPerformanceDto, PerformanceDto } from '../src/performance/dto/performance.dto';
import type { PerformanceRange } from '../src/performance/performance-ranges';
import { PerformanceService } from '../src/performance/performance.service';
import { startPortfolio, type PortfolioUnderTest } from './portfolio-under-test';

type Returns = Pick<
  HoldingPerformanceDto,
  'twrGrossPercent' | 'twrNetPercent' | 'xirrPercent' | 'xirrUndefinedReason' | 'maxDrawdownPercent'
>;
const returnsOf = (figures: Returns): Returns => ({
  twrGrossPercent: figures.twrGrossPercent,
  twrNetPercent: figures.twrNetPercent,
  xirrPercent: figures.xirrPercent,
  xirrUndefinedReason: figures.xirrUndefinedReason,
  maxDrawdownPercent: figures.maxDrawdownPercent,
});

/**
 * A portfolio in EUR holding dollar shares: snapshots convert at the rate of their day, so the flows they
 * are compared with must too (each at the rate of when it was recorded, a deletion at the rate of when it
 * was made), or a currency move reads as a gain that a later fall then takes back. The snapshot job
 * snapshots every portfolio of the database, so each test uses days of its own.
 */
describe('returns in a base currency across rate moves (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace, { PORTFOLIO_PRICE_STALE_MS: String(30 * 24 * 3600 * 1000) });
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  const record = (portfolioId: string, user: string, body: object) =>
    portfolio.recordTransaction(portfolioId, body, user);
  const remove = (portfolioId: string, transactionId: string, user: string) =>
    portfolio.deleteTransaction(portfolioId, transactionId, user);
  /** The service asked with a fixed clock, for tests on days of their own. */
  const at = (portfolioId: string, user: string, range: PerformanceRange, now: string) =>
    portfolio.service.app.get(PerformanceService).get(portfolioId, user, range, new Date(now));
  const snapshotValue = async (portfolioId: string, day: string) => {
    const [row]: { value: string }[] = await portfolio.db.query(
      'SELECT value::text FROM snapshots WHERE portfolio_id = $1 AND day = $2',
      [portfolioId, day],
    );
    return Number(row.value);
  };
  const recorded = async (transactionId: string) => {
    const [row]: { rate: string | null; base: string | null }[] = await portfolio.db.query(
      'SELECT base_rate::text AS rate, base_currency AS base FROM transactions WHERE id = $1',
      [transactionId],
    );
    return { rate: row.rate === null ? null : Number(row.rate), base: row.base };
  };
  const shown = (figures: PerformanceDto) => ({
    from: figures.from,
    points: figures.points,
    value: figures.value,
    ...returnsOf(figures),
    holding: returnsOf(figures.holdings[0]),
  });

  it('records the rate to the base currency with each transaction, posted or imported, and null when none is known', async () => {
    await portfolio.eurusd('1.25'); // 1 USD = 0.8 EUR
    await portfolio.price('FXRA', '20');
    const eur = await portfolio.createPortfolio('fay', { name: 'Euro rates', baseCurrency: 'EUR' });
    const buy = await record(eur.id, 'fay', {
      type: 'buy',
      date: '2024-05-02',
      symbol: 'FXRA',
      quantity: '3',
      price: '20',
    });
    const deposit = await record(eur.id, 'fay', { type: 'deposit', date: '2024-05-02', amount: '100' });
    const imported = await portfolio.call<{ ids: string[] }>(
      'POST',
      `/portfolios/${eur.id}/transactions/import`,
      { csv: 'date,type,symbol,quantity,price,fees\n2024-05-03,buy,FXRA,2,21,1\n' },
      'fay',
    );
    expect(imported.status).toBe(201);
    expect(await recorded(buy)).toEqual({ rate: 0.8, base: 'EUR' });
    expect(await recorded(deposit)).toEqual({ rate: 1, base: 'EUR' });
    expect(await recorded(imported.body.ids[0])).toEqual({ rate: 0.8, base: 'EUR' });

    // No rate joins USD to CHF: the buy is still recorded, without a rate.
    const chf = await portfolio.createPortfolio('fay', { name: 'Franc', baseCurrency: 'CHF' });
    const unrated = await record(chf.id, 'fay', {
      type: 'buy',
      date: '2024-05-02',
      symbol: 'FXRA',
      quantity: '1',
      price: '20',
    });
    expect(await recorded(unrated)).toEqual({ rate: null, base: 'CHF' });

    // A deletion keeps the original's rate and takes its own, now.
    await portfolio.eurusd('1.6'); // 1 USD = 0.625 EUR
    expect((await remove(eur.id, buy, 'fay')).status).toBe(204);
    const [reversal]: Record<string, string | null>[] = await portfolio.db.query(
      `SELECT base_rate::text AS rate, base_currency AS base, deleted_base_rate::text AS deleted_rate,
              deleted_base_currency AS deleted_base
         FROM transaction_reversals WHERE transaction_id = $1`,
      [buy],
    );
    expect({ ...reversal, rate: Number(reversal.rate), deleted_rate: Number(reversal.deleted_rate) }).toEqual(
      {
        rate: 0.8,
        base: 'EUR',
        deleted_rate: 0.625,
        deleted_base: 'EUR',
      },
    );
  });

  it('measures a dollar holding in euros by the rate of each value: the fall of the dollar is a loss (issue #5)', async () => {
    // 1 USD = 0.95 EUR, as near as a 12-place EURUSD quote gets.
    await portfolio.eurusd('1.052631578947');
    await portfolio.price('FXPA', '100');
    const { id } = await portfolio.createPortfolio('fay', { name: 'Dollar shares', baseCurrency: 'EUR' });
    await record(id, 'fay', {
      type: 'buy',
      date: '2024-08-01',
      symbol: 'FXPA',
      quantity: '10',
      price: '100',
    });
    await portfolio.snapshotOn('2024-08-01');
    expect(await snapshotValue(id, '2024-08-01')).toBe(950);
    await portfolio.eurusd('1.25'); // 1 USD = 0.80 EUR; the price stays at 100 USD: worth 800 EUR

    // 950 / (0 + 950) × 800 / 950 − 1 = −15.79 %, the fall from the top (it was 950 / (0 + 800) × 800 /
    // 950 − 1 = 0 %, a made-up +18.75 % then −15.79 %, with the buy at today's rate).
    // XIRR: −950 on 2024-08-01, +800 a year (365 days) later: the same −15.79 %.
    const expectedXirr = xirr([
      { date: '2024-08-01', amount: money(-950) },
      { date: '2025-08-01', amount: money(800) },
    ]);
    expect(expectedXirr.defined).toBe(true);
    const fall = {
      twrGrossPercent: '-15.7895',
      twrNetPercent: '-15.7895',
      xirrPercent: expectedXirr.defined ? toPercent(expectedXirr.rate) : undefined,
      xirrUndefinedReason: undefined,
      maxDrawdownPercent: '15.7895',
    };
    expect(fall.xirrPercent).toBe('-15.7895');
    for (const range of ['MAX', '1Y'] as const) {
      const figures = await at(id, 'fay', range, '2025-08-01T12:00:00Z');
      expect(shown(figures)).toEqual({
        // 1Y starts at the close of 2024-08-01; MAX at nothing the day before.
        from: range === 'MAX' ? '2024-08-01' : '2024-08-02',
        points: range === 'MAX' ? 3 : 2,
        value: '800.00000000',
        ...fall,
        holding: fall,
      });
    }
  });

  it('shows no gain or loss for a dollar buy deleted after the rate moved: as if it had never been', async () => {
    await portfolio.eurusd('1'); // 1 USD = 1 EUR
    await portfolio.price('FXPB', '100');
    const deleted = await portfolio.createPortfolio('fay', { name: 'Mistake', baseCurrency: 'EUR' });
    const twin = await portfolio.createPortfolio('fay', { name: 'Never wrong', baseCurrency: 'EUR' });
    const buy = { type: 'buy', date: '2024-09-02', symbol: 'FXPB', quantity: '10', price: '100' };
    await record(deleted.id, 'fay', buy);
    await record(twin.id, 'fay', buy);
    const mistake = await record(deleted.id, 'fay', { ...buy, quantity: '5' });
    await portfolio.snapshotOn('2024-09-02'); // 1,500 and 1,000
    await portfolio.eurusd('1.25'); // 1 USD = 0.8 EUR
    await portfolio.snapshotOn('2024-09-03'); // 1,200 and 800
    expect(await snapshotValue(deleted.id, '2024-09-03')).toBe(1200);
    // The 5 shares leave at 500 USD × 0.8 = 400 EUR, what the close before held them at.
    expect((await remove(deleted.id, mistake, 'fay')).status).toBe(204);
    await portfolio.eurusd('1.6'); // 1 USD = 0.625 EUR
    await portfolio.snapshotOn('2024-09-04'); // 625 and 625
    expect(await snapshotValue(deleted.id, '2024-09-04')).toBe(625);

    // MAX: 1,500 / 1,500 × 1,200 / 1,500 × 625 / (1,200 − 400) × 625 / 625 − 1 = 0.625 − 1, the twin's
    // 1,000 / 1,000 × 800 / 1,000 × 625 / 800 − 1 (with every flow at today's rate it was −9.86 %; with
    // the deletion at the buy's rate, −28.57 %).
    const [mine, theirs] = [
      await at(deleted.id, 'fay', 'MAX', '2024-09-05T12:00:00Z'),
      await at(twin.id, 'fay', 'MAX', '2024-09-05T12:00:00Z'),
    ];
    const timeWeighted = (figures: PerformanceDto) => ({
      points: figures.points,
      twrGross: figures.twrGrossPercent,
      twrNet: figures.twrNetPercent,
      drawdown: figures.maxDrawdownPercent,
      holding: [figures.holdings[0].twrNetPercent, figures.holdings[0].maxDrawdownPercent],
    });
    expect(timeWeighted(mine)).toEqual(timeWeighted(theirs));
    expect(timeWeighted(mine)).toEqual({
      points: 5,
      twrGross: '-37.5000',
      twrNet: '-37.5000',
      drawdown: '37.5000',
      holding: ['-37.5000', '37.5000'],
    });

    // 1D from the close that still held the mistake (1,200): −1,200 + 400 then, +625 now, the twin's
    // −800 and +625; 625 / (1,200 − 400) − 1 = −21.875 %.
    const [day, twinDay] = [
      await at(deleted.id, 'fay', '1D', '2024-09-04T12:00:00Z'),
      await at(twin.id, 'fay', '1D', '2024-09-04T12:00:00Z'),
    ];
    expect(shown(day)).toEqual(shown(twinDay));
    expect([day.from, day.twrNetPercent, day.maxDrawdownPercent]).toEqual([
      '2024-09-04',
      '-21.8750',
      '21.8750',
    ]);
  });
});
