import { testNamespace } from '../../../test/support/infrastructure';
import {
  daysAgo,
  messageOf,
  startPortfolio,
  type ErrorBody,
  type Portfolio,
  type PortfolioUnderTest,
} from './portfolio-under-test';

describe('portfolio cost method change (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace);
    await portfolio.price('COSTCO', '100');
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  /** Two lots (10 @ 100, 10 @ 120), then 5 sold at 130; the price now is 100. */
  const withTwoLotsAndASale = async (user: string, costMethod: string) => {
    const created = await portfolio.createPortfolio(user, { name: 'Lots', baseCurrency: 'USD', costMethod });
    for (const body of [
      { type: 'buy', date: daysAgo(3), symbol: 'COSTCO', quantity: '10', price: '100' },
      { type: 'buy', date: daysAgo(2), symbol: 'COSTCO', quantity: '10', price: '120' },
      { type: 'sell', date: daysAgo(1), symbol: 'COSTCO', quantity: '5', price: '130' },
    ]) {
      expect((await portfolio.addTransaction(created.id, body, user)).status).toBe(201);
    }
    return created;
  };
  const figures = async (id: string, user: string) => {
    const [holding] = (await portfolio.holdings(id, user)).holdings;
    const performance = await portfolio.call<Record<string, string>>(
      'GET',
      `/portfolios/${id}/performance`,
      undefined,
      user,
    );
    expect(performance.status).toBe(200);
    return {
      quantity: holding.quantity,
      costBasis: holding.costBasis,
      averageCost: holding.averageCost,
      realisedGain: holding.realisedGain,
      unrealisedGain: performance.body.unrealisedGain,
      performanceRealisedGain: performance.body.realisedGain,
    };
  };

  // Average cost: the pool is 10 × 100 + 10 × 120 = 2,200 for 20, 110 a share. The sale of 5 takes
  // 5 × 110 = 550 out: realised 5 × 130 − 550 = 100; 15 left costing 1,650 (110 each); unrealised
  // 15 × 100 − 1,650 = −150.
  const AVERAGE = {
    quantity: '15',
    costBasis: '1650.00000000',
    averageCost: '110.00000000',
    realisedGain: '100.00000000',
    unrealisedGain: '-150.00000000',
    performanceRealisedGain: '100.00000000',
  };
  // FIFO: the sale takes 5 of the first lot at 100, 500 out: realised 650 − 500 = 150; left 5 × 100 +
  // 10 × 120 = 1,700 for 15, 113.33333333 each; unrealised 1,500 − 1,700 = −200.
  const FIFO = {
    quantity: '15',
    costBasis: '1700.00000000',
    averageCost: '113.33333333',
    realisedGain: '150.00000000',
    unrealisedGain: '-200.00000000',
    performanceRealisedGain: '150.00000000',
  };

  it('replays the ledger with the new method: average cost → FIFO → average cost', async () => {
    const created = await withTwoLotsAndASale('alice', 'average');
    expect(await figures(created.id, 'alice')).toEqual(AVERAGE);

    const toFifo = await portfolio.call<Portfolio>(
      'PATCH',
      `/portfolios/${created.id}`,
      { costMethod: 'fifo' },
      'alice',
    );
    expect(toFifo).toMatchObject({ status: 200, body: { costMethod: 'fifo', value: '1500' } });
    expect(await figures(created.id, 'alice')).toEqual(FIFO);

    const back = await portfolio.call<Portfolio>(
      'PATCH',
      `/portfolios/${created.id}`,
      { costMethod: 'average', name: 'Pooled' },
      'alice',
    );
    expect(back).toMatchObject({ status: 200, body: { costMethod: 'average', name: 'Pooled' } });
    expect(await figures(created.id, 'alice')).toEqual(AVERAGE);
  });

  it('gives a portfolio switched to a method the figures of one created with it', async () => {
    const switched = await withTwoLotsAndASale('bea', 'fifo');
    const native = await withTwoLotsAndASale('bea', 'average');
    await portfolio.call('PATCH', `/portfolios/${switched.id}`, { costMethod: 'average' }, 'bea');
    expect(await figures(switched.id, 'bea')).toEqual(await figures(native.id, 'bea'));
  });

  it('refuses an unknown cost method with 400 and changes nothing', async () => {
    const created = await withTwoLotsAndASale('carl', 'average');
    for (const costMethod of ['lifo', 'FIFO', 7, '']) {
      const refused = await portfolio.call<ErrorBody>(
        'PATCH',
        `/portfolios/${created.id}`,
        { costMethod },
        'carl',
      );
      expect({ costMethod, status: refused.status }).toEqual({ costMethod, status: 400 });
      expect(refused.body.message).toEqual(['costMethod must be one of average, fifo']);
    }
    const read = await portfolio.call<Portfolio>('GET', `/portfolios/${created.id}`, undefined, 'carl');
    expect(read.body.costMethod).toBe('average');
    expect(await figures(created.id, 'carl')).toEqual(AVERAGE);
  });

  it("answers another user's change of cost method as not found, and leaves the portfolio as it was", async () => {
    const created = await withTwoLotsAndASale('dora', 'average');
    const foreign = await portfolio.call<ErrorBody>(
      'PATCH',
      `/portfolios/${created.id}`,
      { costMethod: 'fifo' },
      'eve',
    );
    expect(foreign.status).toBe(404);
    expect(messageOf(foreign.body)).toBe(`no portfolio ${created.id}`);
    expect((await portfolio.call('PATCH', `/portfolios/${created.id}`, { costMethod: 'fifo' })).status).toBe(
      401,
    );
    const badId = await portfolio.call<ErrorBody>(
      'PATCH',
      '/portfolios/nope',
      { costMethod: 'fifo' },
      'dora',
    );
    expect(badId).toMatchObject({ status: 400, body: { message: 'portfolio id must be a UUID' } });
    expect(await figures(created.id, 'dora')).toEqual(AVERAGE);
  });
});
