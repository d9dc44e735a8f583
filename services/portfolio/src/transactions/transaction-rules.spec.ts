import type { KnownSymbol } from '../prices/market-projection.repository';
import type { CreateTransactionDto } from './dto/transaction.dto';
import { checkTransaction } from './transaction-rules';

const known = new Map<string, KnownSymbol>([['AAPL', { symbol: 'AAPL', currency: 'USD' }]]);
const check = (input: Partial<CreateTransactionDto>) =>
  checkTransaction(
    { type: 'buy', date: '2026-11-20', ...input } as CreateTransactionDto,
    known,
    'EUR',
    '2026-11-25',
  );

describe(checkTransaction.name, () => {
  it("accepts a buy and takes the symbol's currency", () => {
    expect(check({ symbol: 'AAPL', quantity: '10', price: '187.25', fees: '1' })).toEqual({
      entry: {
        type: 'buy',
        tradeDate: '2026-11-20',
        symbol: 'AAPL',
        quantity: '10',
        price: '187.25',
        amount: null,
        currency: 'USD',
        fees: '1',
      },
      note: undefined,
    });
  });

  it('puts a deposit in the base currency unless told otherwise', () => {
    const outcome = check({ type: 'deposit', amount: '500' });
    expect('entry' in outcome && outcome.entry.currency).toBe('EUR');
  });

  it.each([
    [
      { symbol: 'AAPL', quantity: '1', price: '1', date: '2026-11-26' },
      'date 2026-11-26 is in the future (today is 2026-11-25 UTC)',
    ],
    [{ symbol: 'MSFT', quantity: '1', price: '1' }, 'unknown symbol MSFT: no price has been seen for it'],
    [{ symbol: 'AAPL', quantity: '1', price: '1', currency: 'EUR' }, 'AAPL trades in USD, not EUR'],
    [{ symbol: 'AAPL', price: '1' }, 'quantity is required for a buy'],
    [{ symbol: 'AAPL', quantity: '1', price: '1', amount: '3' }, 'amount does not apply to a buy'],
    [{ quantity: '1', price: '1' }, 'symbol is required for a buy'],
    [{ type: 'deposit', amount: '5', symbol: 'AAPL' }, 'symbol does not apply to a deposit'],
    [{ type: 'split', symbol: 'AAPL' }, 'quantity is required for a split'],
    [{ type: 'dividend', symbol: 'AAPL', amount: '1', date: '2026-02-29' }, 'date 2026-02-29 does not exist'],
    [{ type: 'deposit', amount: '1', date: '0000-01-01' }, 'date 0000-01-01 does not exist'],
    [
      { symbol: 'AAPL', quantity: '1000000000', price: '1000000' },
      'quantity × price must be below 1000000000000000',
    ],
    [{ type: 'deposit', amount: '1000000000000000' }, 'amount must be below 1000000000000000'],
    [{ type: 'split', symbol: 'AAPL', quantity: '2', fees: '1' }, 'fees do not apply to a split'],
  ] as [Partial<CreateTransactionDto>, string][])('refuses %j: %s', (input, problem) => {
    const outcome = check(input);
    expect('problems' in outcome && outcome.problems).toContain(problem);
  });
});
