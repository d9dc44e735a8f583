import { xirr, type CashFlow } from '@marketpulse/finance';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { toPercent } from '../src/money/money';
import type { HoldingPerformanceDto } from '../src/performance/dto/performance.dto';
import { rangeBaseline } from '../src/performance/performance-ranges';
import { TransactionsRepository } from '../src/transactions/transactions.repository';
import {
  daysAgo,
  startPortfolio,
  today,
  type ErrorBody,
  type Portfolio,
  type PortfolioUnderTest,
} from './portfolio-under-test';

/** The XIRR the service should report for these flows, computed independently of its ledger and snapshots. */
const expectedXirr = (flows: CashFlow[]) => {
  const result = xirr(flows);
  if (!result.defined) throw new Error(`the example's flows have no XIRR: ${result.reason}`);
  return toPercent(result.rate);
};

describe('per-holding performance over the HTTP API (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  const createPortfolio = async (user: string, name: string) =>
    (await portfolio.createPortfolio(user, { name, baseCurrency: 'USD', costMethod: 'average' })).id;
  const trade = async (portfolioId: string, user: string, body: object) => {
    expect((await portfolio.addTransaction(portfolioId, body, user)).status).toBe(201);
  };
  const valueIs = async (portfolioId: string, user: string, value: string) =>
    expectEventually(async () => {
      const response = await portfolio.call<Portfolio>('GET', `/portfolios/${portfolioId}`, undefined, user);
      expect(response.body.value).toBe(value);
    });
  /** The figures for a range, and one holding's line of them (which must be there). */
  const performance = async (portfolioId: string, user: string, range: string) => {
    const body = await portfolio.performance(portfolioId, user, range);
    const holding = (symbol: string) => {
      const found = body.holdings.find((line) => line.symbol === symbol);
      expect(found).toBeDefined();
      return found as HoldingPerformanceDto;
    };
    return { body, holding };
  };

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace);
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  it('measures each holding’s TWR, XIRR and drawdown from its snapshot lines and its own flows', async () => {
    const id = await createPortfolio('hana', 'Two holdings');
    await portfolio.price('PHA', '100');
    await portfolio.price('PHB', '50');
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
    await portfolio.price('PHA', '110');
    await portfolio.snapshotOn(daysAgo(60));
    // 30 days ago: 5 more PHA at 110 (fees 1); close 15 × 99 = 1,485, PHB still 1,000.
    await trade(id, 'hana', {
      type: 'buy',
      date: daysAgo(30),
      symbol: 'PHA',
      quantity: '5',
      price: '110',
      fees: '1',
    });
    await portfolio.price('PHA', '99');
    await portfolio.snapshotOn(daysAgo(30));
    // Now: PHA 15 × 120 = 1,800, PHB 20 × 55 = 1,100.
    await portfolio.price('PHA', '120');
    await portfolio.price('PHB', '55');
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
    await portfolio.price('PHC', '80');
    await portfolio.price('PHD', '250');
    // 50 days ago: 10 PHC at 80 and 5 PHD at 250; that day's close PHC 1,000, PHD 1,000.
    await trade(id, 'ivan', { type: 'buy', date: daysAgo(50), symbol: 'PHC', quantity: '10', price: '80' });
    await trade(id, 'ivan', { type: 'buy', date: daysAgo(50), symbol: 'PHD', quantity: '5', price: '250' });
    await portfolio.price('PHC', '100');
    await portfolio.price('PHD', '200');
    await portfolio.snapshotOn(daysAgo(50));
    // 20 days ago: 4 PHC sold at 100, all PHD at 190; close 6 × 110 = 660, no PHD.
    await trade(id, 'ivan', { type: 'sell', date: daysAgo(20), symbol: 'PHC', quantity: '4', price: '100' });
    await trade(id, 'ivan', { type: 'sell', date: daysAgo(20), symbol: 'PHD', quantity: '5', price: '190' });
    await portfolio.price('PHC', '110');
    await portfolio.snapshotOn(daysAgo(20));
    // Now 6 × 121 = 726.
    await portfolio.price('PHC', '121');
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
    await portfolio.price('PHE', '100');
    const baseline = rangeBaseline('1Y', today())!;
    // The year's starting snapshot finds the portfolio empty; a buy dated ten days before it is entered later.
    await portfolio.snapshotOn(baseline);
    const before = new Date(Date.parse(`${baseline}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    await trade(id, 'jana', { type: 'buy', date: before, symbol: 'PHE', quantity: '10', price: '100' });
    await portfolio.price('PHE', '110');
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

  it('starts a holding’s returns, with from and partial, at the first snapshot that could price it', async () => {
    const id = await createPortfolio('lena', 'Late price');
    const baseline = rangeBaseline('1Y', today())!;
    const before = new Date(Date.parse(`${baseline}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
    // Before the year: 10 PHG at 100 USD and 10 PHH at 50 EUR, with no EURUSD rate yet: the year's
    // starting snapshot values PHG at 1,000 and cannot value PHH.
    await portfolio.price('PHG', '100');
    await portfolio.price('PHH', '50', Date.now(), 'EUR');
    await trade(id, 'lena', { type: 'buy', date: before, symbol: 'PHG', quantity: '10', price: '100' });
    await trade(id, 'lena', { type: 'buy', date: before, symbol: 'PHH', quantity: '10', price: '50' });
    await portfolio.snapshotOn(baseline);
    // A rate of 1 by the snapshot of ten days ago (PHH 500), PHH at 55 now: 10 × 55 + 1,000 = 1,550.
    await portfolio.eurusd('1');
    await portfolio.snapshotOn(daysAgo(10));
    await portfolio.price('PHH', '55', Date.now(), 'EUR');
    await valueIs(id, 'lena', '1550');

    const { body, holding } = await performance(id, 'lena', '1Y');
    const dayAfter = new Date(Date.parse(`${baseline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(body).toMatchObject({ from: dayAfter, partial: false });
    // PHG from the range's start, as the portfolio: 1,000 → 1,000 → 1,000.
    expect(holding('PHG')).toMatchObject({ from: dayAfter, partial: false, twrGrossPercent: '0.0000' });
    // PHH from the close ten days ago, the first to value it: 550 / 500 − 1 = +10 %.
    expect(holding('PHH')).toMatchObject({ from: daysAgo(10), partial: true, twrGrossPercent: '10.0000' });
  });

  it('reads one request’s holdings, ledger and deletions in one view of the database (issue #5)', async () => {
    const id = await createPortfolio('kira', 'Race');
    await portfolio.price('PHF', '100');
    const yesterday = daysAgo(1);
    // Yesterday 10 PHF at 100 and by mistake 5 more; that day's snapshot saw both: 1,500.
    await trade(id, 'kira', { type: 'buy', date: yesterday, symbol: 'PHF', quantity: '10', price: '100' });
    const mistake = await portfolio.addTransaction(
      id,
      { type: 'buy', date: yesterday, symbol: 'PHF', quantity: '5', price: '100' },
      'kira',
    );
    expect(mistake.status).toBe(201);
    await portfolio.snapshotOn(yesterday);
    await valueIs(id, 'kira', '1500');

    // The mistake is deleted (and committed) while the request is between its holdings and its ledger.
    const ledger = TransactionsRepository.prototype.ledger;
    let deleted = false;
    const interleaved = jest
      .spyOn(TransactionsRepository.prototype, 'ledger')
      .mockImplementationOnce(async function (this: TransactionsRepository, ...args) {
        const removed = await portfolio.call<ErrorBody>(
          'DELETE',
          `/portfolios/${id}/transactions/${mistake.body.id}`,
          undefined,
          'kira',
        );
        expect(removed.status).toBe(204);
        deleted = true;
        return ledger.apply(this, args);
      });
    let during: Awaited<ReturnType<typeof performance>>;
    try {
      during = await performance(id, 'kira', '1D');
    } finally {
      interleaved.mockRestore();
    }
    expect(deleted).toBe(true);
    // All before the deletion: 1,500 / 1,500 − 1 = 0 %. Holdings from before it with the deletion's
    // reversal from after read 1,500 / (1,500 − 500) − 1 = +50 %.
    expect(during.body).toMatchObject({ value: '1500.00000000', twrGrossPercent: '0.0000' });
    // All after it: 1,000 / (1,500 − 500) − 1 = 0 %.
    await valueIs(id, 'kira', '1000');
    const after = await performance(id, 'kira', '1D');
    expect(after.body).toMatchObject({ value: '1000.00000000', twrGrossPercent: '0.0000' });
  });
});
