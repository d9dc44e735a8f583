import { testNamespace } from '../../../test/support/infrastructure';
import type { HoldingPerformanceDto, PerformanceDto } from '../src/performance/dto/performance.dto';
import type { PerformanceRange } from '../src/performance/performance-ranges';
import { PerformanceService } from '../src/performance/performance.service';
import { daysAgo, startPortfolio, type PortfolioUnderTest } from './portfolio-under-test';

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
const flat: Returns = {
  twrGrossPercent: '0.0000',
  twrNetPercent: '0.0000',
  xirrPercent: '0.0000',
  xirrUndefinedReason: undefined,
  maxDrawdownPercent: '0.0000',
};

/**
 * A snapshot still holds a transaction deleted after it; the deletion is money leaving (or, for a sale,
 * coming back into) the holdings, not a loss or a gain. The snapshot job snapshots every portfolio of the
 * database, so each test uses days of its own and asserts before the next one takes snapshots.
 */
describe('performance after deleting a transaction (real NATS and PostgreSQL)', () => {
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
  const remove = async (portfolioId: string, transactionId: string, user: string) => {
    expect((await portfolio.deleteTransaction(portfolioId, transactionId, user)).status).toBe(204);
  };
  /** The service asked with a fixed clock, for tests on days of their own. */
  const at = (portfolioId: string, user: string, range: PerformanceRange, now: string) =>
    portfolio.service.app.get(PerformanceService).get(portfolioId, user, range, new Date(now));
  const snapshotOf = async (portfolioId: string, day: string) => {
    const [row]: { value: string; ledger_seq: string }[] = await portfolio.db.query(
      `SELECT value::text, ledger_seq::text FROM snapshots WHERE portfolio_id = $1 AND day = $2`,
      [portfolioId, day],
    );
    return { value: Number(row.value), seq: Number(row.ledger_seq) };
  };

  it('shows no loss, drawdown or alert when a mistaken buy the snapshot saw is deleted (issue #5)', async () => {
    const { id } = await portfolio.createPortfolio('dora', { name: 'Mistake', baseCurrency: 'USD' });
    await portfolio.price('DLPA', '100');
    const yesterday = daysAgo(1);
    await record(id, 'dora', { type: 'buy', date: yesterday, symbol: 'DLPA', quantity: '10', price: '100' });
    const mistake = await record(id, 'dora', {
      type: 'buy',
      date: yesterday,
      symbol: 'DLPA',
      quantity: '5',
      price: '100',
    });
    await portfolio.snapshotOn(yesterday);
    expect((await snapshotOf(id, yesterday)).value).toBe(1500);
    const alert = await portfolio.call<{ id: string }>(
      'POST',
      `/portfolios/${id}/alerts`,
      { kind: 'drawdown', threshold: '1', cooldownSeconds: 0 },
      'dora',
    );
    expect(alert.status).toBe(201);

    await remove(id, mistake, 'dora');

    // 1D starts at yesterday's 1,500; the 500 of the deleted buy leaves the holdings after it:
    // 1,000 / (1,500 − 500) − 1 = 0 (it was 1,000 / 1,500 − 1 = −33.33 %, with a 33.33 % drawdown).
    // XIRR: −1,500 + 500 yesterday, +1,000 today: 0.
    const day = await portfolio.performance(id, 'dora', '1D');
    expect({ value: day.value, points: day.points, ...returnsOf(day) }).toEqual({
      value: '1000.00000000',
      points: 2,
      ...flat,
    });
    expect(returnsOf(day.holdings.find((line) => line.symbol === 'DLPA')!)).toEqual(flat);
    // MAX from nothing: 1,500 / (0 + 1,000 + 500) × 1,000 / (1,500 − 500) − 1 = 0, no drawdown.
    // XIRR: −1,000 − 500 + 500 yesterday, +1,000 today: 0.
    const max = await portfolio.performance(id, 'dora', 'MAX');
    expect({ points: max.points, ...returnsOf(max) }).toEqual({ points: 3, ...flat });
    expect(returnsOf(max.holdings.find((line) => line.symbol === 'DLPA')!)).toEqual(flat);

    // The portfolio's live index took the deletion as a flow: no drawdown, so the alert did not fire.
    const [index]: { level: string; peak: string }[] = await portfolio.db.query(
      'SELECT index_level::text AS level, index_peak::text AS peak FROM portfolios WHERE id = $1',
      [id],
    );
    expect(Number(index.level)).toBe(Number(index.peak));
    const fired: unknown[] = await portfolio.db.query('SELECT 1 FROM alert_firings WHERE alert_id = $1', [
      alert.body.id,
    ]);
    expect(fired).toEqual([]);
  });

  it('brings a deleted sale the snapshot saw back into the holdings, and later snapshots know of the deletion', async () => {
    const { id } = await portfolio.createPortfolio('dora', { name: 'Sale', baseCurrency: 'USD' });
    await portfolio.price('DLPB', '100');
    await record(id, 'dora', {
      type: 'buy',
      date: '2025-06-02',
      symbol: 'DLPB',
      quantity: '10',
      price: '100',
    });
    await portfolio.snapshotOn('2025-06-02'); // 10 × 100 = 1,000
    const mistake = await record(id, 'dora', {
      type: 'sell',
      date: '2025-06-03',
      symbol: 'DLPB',
      quantity: '4',
      price: '100',
    });
    await portfolio.snapshotOn('2025-06-03'); // 6 × 100 = 600
    await remove(id, mistake, 'dora');
    await portfolio.price('DLPB', '110');
    await portfolio.snapshotOn('2025-06-04'); // 10 × 110 = 1,100
    await portfolio.price('DLPB', '121'); // now: 1,210

    // The snapshot after the deletion has seen it, though the transactions' highest seq went down.
    const [sold, after] = [await snapshotOf(id, '2025-06-03'), await snapshotOf(id, '2025-06-04')];
    expect([sold.value, after.value]).toEqual([600, 1100]);
    expect(after.seq).toBeGreaterThan(sold.seq);

    // MAX: 1,000 / 1,000 × 600 / (1,000 − 400) × 1,100 / (600 + 400) × 1,210 / 1,100 − 1 = 1.1 × 1.1 − 1,
    // 21 %, no drawdown (it was 600 / 1,000: −40 %, and +67 % from there on).
    const max = await at(id, 'dora', 'MAX', '2025-06-05T12:00:00Z');
    expect({
      from: max.from,
      points: max.points,
      twr: max.twrNetPercent,
      dd: max.maxDrawdownPercent,
    }).toEqual({
      from: '2025-06-02',
      points: 5,
      twr: '21.0000',
      dd: '0.0000',
    });
    const line = max.holdings.find((holding) => holding.symbol === 'DLPB')!;
    expect([line.twrNetPercent, line.maxDrawdownPercent]).toEqual(['21.0000', '0.0000']);

    // 1D from the close that saw the sale (600): the 400 comes back in after it, 1,210 / (600 + 400) − 1.
    const day = await at(id, 'dora', '1D', '2025-06-04T12:00:00Z');
    expect([day.from, day.twrNetPercent, day.twrGrossPercent, day.maxDrawdownPercent]).toEqual([
      '2025-06-04',
      '21.0000',
      '21.0000',
      '0.0000',
    ]);
    // 1D from the close after the deletion (1,100), which includes the shares again: 1,210 / 1,100 − 1.
    const next = await at(id, 'dora', '1D', '2025-06-05T12:00:00Z');
    expect([next.twrNetPercent, next.maxDrawdownPercent]).toEqual(['10.0000', '0.0000']);
  });

  it('changes nothing when a transaction is deleted before any snapshot saw it', async () => {
    await portfolio.price('DLPC', '100');
    const deleted = await portfolio.createPortfolio('dora', { name: 'Deleted early', baseCurrency: 'USD' });
    const twin = await portfolio.createPortfolio('dora', { name: 'Never wrong', baseCurrency: 'USD' });
    const buy = { type: 'buy', date: '2025-07-01', symbol: 'DLPC', quantity: '10', price: '100' };
    await record(deleted.id, 'dora', buy);
    await record(twin.id, 'dora', buy);
    // Dated before the real buy: had it counted, MAX would start a day earlier.
    const mistake = await record(deleted.id, 'dora', {
      ...buy,
      date: '2025-06-30',
      quantity: '5',
      fees: '3',
    });
    await remove(deleted.id, mistake, 'dora');
    await portfolio.snapshotOn('2025-07-01'); // 1,000
    await portfolio.price('DLPC', '110');
    await portfolio.snapshotOn('2025-07-02'); // 1,100
    await portfolio.price('DLPC', '121'); // now: 1,210

    for (const range of ['MAX', '1D'] as const) {
      const [mine, theirs] = [
        await at(deleted.id, 'dora', range, '2025-07-03T12:00:00Z'),
        await at(twin.id, 'dora', range, '2025-07-03T12:00:00Z'),
      ];
      const shown = (figures: PerformanceDto) => ({
        from: figures.from,
        points: figures.points,
        partial: figures.partial,
        ...returnsOf(figures),
        holding: returnsOf(figures.holdings[0]),
      });
      expect(shown(mine)).toEqual(shown(theirs));
    }
    // MAX: 1,000 / 1,000 × 1,100 / 1,000 × 1,210 / 1,100 − 1 = 21 %, from the day of the real buy.
    const max = await at(deleted.id, 'dora', 'MAX', '2025-07-03T12:00:00Z');
    expect([max.from, max.twrNetPercent]).toEqual(['2025-07-01', '21.0000']);
  });
});
