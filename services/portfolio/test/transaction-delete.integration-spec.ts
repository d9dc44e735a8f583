import type { PortfolioValuedV1 } from '@marketpulse/contracts';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import {
  daysAgo,
  messageOf,
  payloads,
  startPortfolio,
  type Portfolio,
  type PortfolioUnderTest,
} from './portfolio-under-test';

describe('deleting a transaction (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace);
    await portfolio.price('DELCO', '50');
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  const remove = (portfolioId: string, transactionId: string, user?: string) =>
    portfolio.deleteTransaction(portfolioId, transactionId, user);
  const record = (portfolioId: string, body: object, user: string) =>
    portfolio.recordTransaction(portfolioId, body, user);
  /** What is derived from the ledger, as the API shows it. */
  const state = async (portfolioId: string, user: string) => {
    const held = await portfolio.holdings(portfolioId, user);
    const read = await portfolio.call<Portfolio>('GET', `/portfolios/${portfolioId}`, undefined, user);
    const listed = await portfolio.call<{ id: string }[]>(
      'GET',
      `/portfolios/${portfolioId}/transactions`,
      undefined,
      user,
    );
    return {
      value: read.body.value,
      cash: held.cash,
      holdings: held.holdings.map(({ symbol, quantity, costBasis, averageCost, realisedGain }) => ({
        symbol,
        quantity,
        costBasis,
        averageCost,
        realisedGain,
      })),
      transactions: listed.body.map((transaction) => transaction.id),
    };
  };
  /** The latest portfolio.valued of a portfolio carries `value`. */
  const announced = (portfolioId: string, value: string) =>
    expectEventually(() => {
      const mine = payloads<PortfolioValuedV1>(portfolio.valued).filter(
        (event) => event.portfolioId === portfolioId,
      );
      expect(mine.length).toBeGreaterThan(0);
      expect(new Decimal(mine[mine.length - 1].value).toFixed()).toBe(value);
    });

  it('re-derives positions, cost, cash and value, refuses a deletion that would oversell, and takes a second one as a retry', async () => {
    const { id } = await portfolio.createPortfolio('gina', { name: 'Deletes', baseCurrency: 'USD' });
    const deposit = await record(id, { type: 'deposit', date: daysAgo(4), amount: '10000' }, 'gina');
    const first = await record(
      id,
      { type: 'buy', date: daysAgo(3), symbol: 'DELCO', quantity: '10', price: '40', fees: '1' },
      'gina',
    );
    const second = await record(
      id,
      { type: 'buy', date: daysAgo(2), symbol: 'DELCO', quantity: '10', price: '46' },
      'gina',
    );
    const sale = await record(
      id,
      { type: 'sell', date: daysAgo(1), symbol: 'DELCO', quantity: '8', price: '48', fees: '2' },
      'gina',
    );
    // Average cost (400 + 460) / 20 = 43; the sale takes 8 × 43 = 344 out and realises 384 − 344 = 40.
    // 12 left costing 516, worth 12 × 50 = 600. Cash 10,000 − 401 − 460 + 384 − 2 = 9,521.
    expect(await state(id, 'gina')).toEqual({
      value: '600',
      cash: '9521.00000000',
      holdings: [
        {
          symbol: 'DELCO',
          quantity: '12',
          costBasis: '516.00000000',
          averageCost: '43.00000000',
          realisedGain: '40.00000000',
        },
      ],
      transactions: [sale, second, first, deposit],
    });
    await announced(id, '600');

    // Without the second buy: 10 at 40; the sale takes 8 × 40 = 320, realising 384 − 320 = 64; 2 left
    // costing 80, worth 100. Cash 10,000 − 401 + 384 − 2 = 9,981.
    expect((await remove(id, second, 'gina')).status).toBe(204);
    const afterSecond = {
      value: '100',
      cash: '9981.00000000',
      holdings: [
        {
          symbol: 'DELCO',
          quantity: '2',
          costBasis: '80.00000000',
          averageCost: '40.00000000',
          realisedGain: '64.00000000',
        },
      ],
      transactions: [sale, first, deposit],
    };
    expect(await state(id, 'gina')).toEqual(afterSecond);
    await announced(id, '100');

    // The first buy is now all the sale has to sell from: removing it would sell 8 out of nothing.
    const refused = await remove(id, first, 'gina');
    expect(refused.status).toBe(422);
    expect(messageOf(refused.body)).toBe(`selling 8 DELCO on ${daysAgo(1)} but only 0 held then`);
    expect(await state(id, 'gina')).toEqual(afterSecond);

    // Deleting twice: a retry whose first answer was lost. It succeeds again and changes nothing.
    const again = await remove(id, second, 'gina');
    expect(again.status).toBe(204);
    expect(await state(id, 'gina')).toEqual(afterSecond);
    const reversals: unknown[] = await portfolio.db.query(
      'SELECT 1 FROM transaction_reversals WHERE transaction_id = $1',
      [second],
    );
    expect(reversals).toHaveLength(1);
    // A transaction never recorded is still not found.
    const unknown = randomUUID();
    const never = await remove(id, unknown, 'gina');
    expect(never.status).toBe(404);
    expect(messageOf(never.body)).toBe(`no transaction ${unknown} in portfolio ${id}`);

    // Without the sale: 10 at 40 held, nothing realised, worth 500; cash 10,000 − 401 = 9,599.
    expect((await remove(id, sale, 'gina')).status).toBe(204);
    expect(await state(id, 'gina')).toEqual({
      value: '500',
      cash: '9599.00000000',
      holdings: [
        {
          symbol: 'DELCO',
          quantity: '10',
          costBasis: '400.00000000',
          averageCost: '40.00000000',
          realisedGain: '0.00000000',
        },
      ],
      transactions: [first, deposit],
    });
    await announced(id, '500');

    // Now the buy can go (nothing depends on it), and with the deposit gone the cash is back to nothing.
    expect((await remove(id, first, 'gina')).status).toBe(204);
    expect((await remove(id, deposit, 'gina')).status).toBe(204);
    expect(await state(id, 'gina')).toEqual({
      value: '0',
      cash: '0.00000000',
      holdings: [],
      transactions: [],
    });
    await announced(id, '0');
  });

  it("answers a deletion of another user's transaction as not found and keeps it", async () => {
    const mine = await portfolio.createPortfolio('hugo', { name: 'Mine', baseCurrency: 'USD' });
    const theirs = await portfolio.createPortfolio('ines', { name: 'Theirs', baseCurrency: 'USD' });
    const buy = await record(
      mine.id,
      { type: 'buy', date: daysAgo(1), symbol: 'DELCO', quantity: '3', price: '45' },
      'hugo',
    );
    const before = await state(mine.id, 'hugo');

    // Through the owner's portfolio id, and through the other user's own portfolio.
    const foreign = await remove(mine.id, buy, 'ines');
    expect(foreign.status).toBe(404);
    expect(messageOf(foreign.body)).toBe(`no portfolio ${mine.id}`);
    const elsewhere = await remove(theirs.id, buy, 'ines');
    expect(elsewhere.status).toBe(404);
    expect(messageOf(elsewhere.body)).toBe(`no transaction ${buy} in portfolio ${theirs.id}`);
    expect((await remove(mine.id, buy)).status).toBe(401);
    const badId = await remove(mine.id, 'not-a-uuid', 'hugo');
    expect(badId).toMatchObject({ status: 400, body: { message: 'transaction id must be a UUID' } });

    expect(await state(mine.id, 'hugo')).toEqual(before);
    expect(before.holdings).toEqual([expect.objectContaining({ quantity: '3', costBasis: '135.00000000' })]);

    // Once deleted by its owner, a retry is answered as done only through the owner's own portfolio.
    expect((await remove(mine.id, buy, 'hugo')).status).toBe(204);
    expect((await remove(mine.id, buy, 'hugo')).status).toBe(204);
    expect((await remove(mine.id, buy, 'ines')).status).toBe(404);
    const retriedElsewhere = await remove(theirs.id, buy, 'ines');
    expect(retriedElsewhere.status).toBe(404);
    expect(messageOf(retriedElsewhere.body)).toBe(`no transaction ${buy} in portfolio ${theirs.id}`);
  });
});
