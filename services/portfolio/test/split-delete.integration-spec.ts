import { testNamespace } from '../../../test/support/infrastructure';
import type { HoldingPerformanceDto } from '../src/performance/dto/performance.dto';
import type { PerformanceRange } from '../src/performance/performance-ranges';
import { PerformanceService } from '../src/performance/performance.service';
import { daysAgo, startPortfolio, type PortfolioUnderTest } from './portfolio-under-test';

type Returns = Pick<
  HoldingPerformanceDto,
  'twrGrossPercent' | 'twrNetPercent' | 'xirrPercent' | 'maxDrawdownPercent'
>;
const returnsOf = (figures: Returns): Returns => ({
  twrGrossPercent: figures.twrGrossPercent,
  twrNetPercent: figures.twrNetPercent,
  xirrPercent: figures.xirrPercent,
  maxDrawdownPercent: figures.maxDrawdownPercent,
});
const flat = {
  twrGrossPercent: '0.0000',
  twrNetPercent: '0.0000',
  xirrPercent: '0.0000',
  maxDrawdownPercent: '0.0000',
};

interface Line {
  symbol: string;
  quantity: string;
  price: string | null;
  value: string | null;
}

/**
 * A split moves no money: a deleted split the snapshots saw is taken out of them, not set off by a flow.
 * The snapshot job snapshots every portfolio of the database, so each test uses days of its own and
 * asserts before the next one takes snapshots.
 */
describe('deleting a split the snapshots saw (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace, { PORTFOLIO_PRICE_STALE_MS: String(30 * 24 * 3600 * 1000) });
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  const record = (portfolioId: string, body: object) =>
    portfolio.recordTransaction(portfolioId, body, 'sven');
  const remove = async (portfolioId: string, transactionId: string) => {
    expect((await portfolio.deleteTransaction(portfolioId, transactionId, 'sven')).status).toBe(204);
  };
  const at = (portfolioId: string, range: PerformanceRange, now: string) =>
    portfolio.service.app.get(PerformanceService).get(portfolioId, 'sven', range, new Date(now));
  /** Each snapshot of the portfolio: its day, total value and the lines it holds. */
  const snapshots = async (portfolioId: string) => {
    const rows: { day: string; value: string; cost_basis: string; holdings: Line[] }[] =
      await portfolio.db.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, value::text, cost_basis::text, holdings
         FROM snapshots WHERE portfolio_id = $1 ORDER BY day`,
        [portfolioId],
      );
    return rows;
  };
  const shown = async (portfolioId: string) =>
    (await snapshots(portfolioId)).map((row) => [
      row.day,
      row.value,
      row.holdings.map((line) => [line.symbol, line.quantity, line.value]),
    ]);

  it('shows no loss or drawdown once a mistaken split the snapshot saw is deleted (issue #5)', async () => {
    const { id } = await portfolio.createPortfolio('sven', { name: 'Split by mistake', baseCurrency: 'USD' });
    await portfolio.price('SPDA', '100');
    const yesterday = daysAgo(1);
    await record(id, { type: 'buy', date: yesterday, symbol: 'SPDA', quantity: '10', price: '100' });
    const split = await record(id, { type: 'split', date: yesterday, symbol: 'SPDA', quantity: '2' });
    await portfolio.snapshotOn(yesterday);
    const [before] = await snapshots(id);
    // 20 at the unsplit 100.
    expect([before.value, before.holdings]).toEqual([
      '2000.00000000',
      [{ symbol: 'SPDA', quantity: '20.0000000000', price: '100.00000000', value: '2000.00000000' }],
    ]);

    await remove(id, split);

    // The snapshot as if the split had never been; the cost basis is the split's own: unchanged.
    const [after] = await snapshots(id);
    expect([after.value, after.cost_basis, after.holdings]).toEqual([
      '1000.00000000',
      before.cost_basis,
      [{ symbol: 'SPDA', quantity: '10.0000000000', price: '100.00000000', value: '1000.00000000' }],
    ]);
    // 1D: 1,000 / 1,000 − 1 = 0 (it was 1,000 / 2,000 − 1 = −50 %, with a 50 % drawdown); MAX alike.
    for (const range of ['1D', 'MAX']) {
      const figures = await portfolio.performance(id, 'sven', range);
      expect({ range, value: figures.value, ...returnsOf(figures) }).toEqual({
        range,
        value: '1000.00000000',
        ...flat,
      });
    }
  });

  it('changes no snapshot when the split is deleted before any snapshot saw it', async () => {
    const { id } = await portfolio.createPortfolio('sven', { name: 'Split unseen', baseCurrency: 'USD' });
    await portfolio.price('SPDB', '100');
    await record(id, { type: 'buy', date: '2025-07-01', symbol: 'SPDB', quantity: '10', price: '100' });
    await portfolio.snapshotOn('2025-07-01');
    const before = await shown(id);
    expect(before).toEqual([['2025-07-01', '1000.00000000', [['SPDB', '10.0000000000', '1000.00000000']]]]);

    const split = await record(id, { type: 'split', date: '2025-07-01', symbol: 'SPDB', quantity: '2' });
    await remove(id, split);

    expect(await shown(id)).toEqual(before);
  });

  it('corrects only the snapshots that saw a backdated split, without dividing shares bought after it', async () => {
    const { id } = await portfolio.createPortfolio('sven', { name: 'Split backdated', baseCurrency: 'USD' });
    await portfolio.price('SPDC', '100');
    await record(id, { type: 'buy', date: '2025-08-01', symbol: 'SPDC', quantity: '10', price: '100' });
    await portfolio.snapshotOn('2025-08-03'); // 10 × 100
    // Dated before the snapshot of 2025-08-03, which was taken without it.
    const split = await record(id, { type: 'split', date: '2025-08-02', symbol: 'SPDC', quantity: '2' });
    await portfolio.snapshotOn('2025-08-04'); // 20 × 100
    await record(id, { type: 'buy', date: '2025-08-05', symbol: 'SPDC', quantity: '5', price: '100' });
    await portfolio.snapshotOn('2025-08-05'); // 25 × 100
    expect((await shown(id)).map(([day, value]) => [day, value])).toEqual([
      ['2025-08-03', '1000.00000000'],
      ['2025-08-04', '2000.00000000'],
      ['2025-08-05', '2500.00000000'],
    ]);

    await remove(id, split);

    // 2025-08-05 held the 5 bought after the split's date undivided: 10 + 5, not 25 / 2.
    expect(await shown(id)).toEqual([
      ['2025-08-03', '1000.00000000', [['SPDC', '10.0000000000', '1000.00000000']]],
      ['2025-08-04', '1000.00000000', [['SPDC', '10.0000000000', '1000.00000000']]],
      ['2025-08-05', '1500.00000000', [['SPDC', '15.0000000000', '1500.00000000']]],
    ]);
    // MAX: 1,000 / 1,000 × 1,000 / 1,000 × 1,500 / (1,000 + 500) × 1,500 / 1,500 − 1 = 0 (it was +100 %
    // into 2025-08-04 and −40 % from 2,500 to now).
    const max = await at(id, 'MAX', '2025-08-06T12:00:00Z');
    expect({ from: max.from, points: max.points, ...returnsOf(max) }).toEqual({
      from: '2025-08-01',
      points: 5,
      ...flat,
    });
    expect(returnsOf(max.holdings.find((line) => line.symbol === 'SPDC')!)).toEqual(flat);
  });
});
