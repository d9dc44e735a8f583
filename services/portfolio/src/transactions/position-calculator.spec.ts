import { OversellError, derivePositions } from './position-calculator';
import type { LedgerEntry } from './transaction-types';

const trade = (
  type: 'buy' | 'sell',
  tradeDate: string,
  quantity: string,
  price: string,
  fees = '0',
): LedgerEntry => ({ type, tradeDate, symbol: 'ACME', quantity, price, currency: 'USD', fees });

/**
 * Worked example (by hand): buy 10 @ 100 and 10 @ 120 (fee 1 each), sell 5 @ 130 (fee 1).
 * Average cost: pool 2,200 / 20 = 110 a share; the sale takes 5 × 110 = 550, realises 650 − 550 = 100.
 * FIFO: the sale takes 5 of the first lot at 100 = 500, realises 650 − 500 = 150.
 */
const ledger: LedgerEntry[] = [
  trade('buy', '2026-01-05', '10', '100', '1'),
  trade('buy', '2026-02-02', '10', '120', '1'),
  trade('sell', '2026-03-02', '5', '130', '1'),
];

describe(derivePositions.name, () => {
  it('average cost: realised 100, 15 held at a cost of 1,650, fees 3 kept apart', () => {
    const sut = derivePositions(ledger, 'average').positions.get('ACME')!;
    expect(sut.quantity.toFixed()).toBe('15');
    expect(sut.costBasis.toFixed()).toBe('1650');
    expect(sut.realisedPnl.toFixed()).toBe('100');
    expect(sut.invested.toFixed()).toBe('2200');
    expect(sut.fees.toFixed()).toBe('3');
    expect(sut.openedOn).toBe('2026-01-05');
  });

  it('dates a position from the buy that reopened it after it was sold out, not from the first ever', () => {
    const reopened = [
      ...ledger,
      trade('sell', '2026-04-01', '15', '140'),
      trade('buy', '2026-05-04', '2', '150'),
      trade('buy', '2026-06-01', '1', '160'),
    ];
    expect(derivePositions(reopened, 'average').positions.get('ACME')!.openedOn).toBe('2026-05-04');
  });

  it('FIFO: realised 150, 15 held at a cost of 1,700', () => {
    const sut = derivePositions(ledger, 'fifo').positions.get('ACME')!;
    expect(sut.costBasis.toFixed()).toBe('1700');
    expect(sut.realisedPnl.toFixed()).toBe('150');
  });

  it('moves cash: −1,001 − 1,201 + 649 = −1,553 USD', () => {
    expect(derivePositions(ledger, 'average').cash.get('USD')!.toFixed()).toBe('-1553');
  });

  it('a 2-for-1 split doubles the shares and keeps the cost; FIFO lots halve their unit cost', () => {
    const split: LedgerEntry = {
      type: 'split',
      tradeDate: '2026-04-01',
      symbol: 'ACME',
      quantity: '2',
      currency: 'USD',
      fees: '0',
    };
    const average = derivePositions([...ledger, split], 'average').positions.get('ACME')!;
    expect(average.quantity.toFixed()).toBe('30');
    expect(average.costBasis.toFixed()).toBe('1650');
    // Lots after the split: 10 @ 50 (was 5 @ 100) and 20 @ 60. Selling 12 @ 70 takes 10 × 50 + 2 × 60 = 620.
    const fifo = derivePositions([...ledger, split, trade('sell', '2026-04-02', '12', '70')], 'fifo');
    const position = fifo.positions.get('ACME')!;
    expect(position.realisedPnl.toFixed()).toBe(String(150 + 840 - 620));
    expect(position.costBasis.toFixed()).toBe(String(1700 - 620));
  });

  it('closes a position at exactly zero cost even when the average repeats (5 / 3 a share)', () => {
    const sut = derivePositions(
      [
        trade('buy', '2026-01-05', '1', '1'),
        trade('buy', '2026-01-05', '2', '2'),
        trade('sell', '2026-01-06', '1', '2'),
        trade('sell', '2026-01-07', '2', '2'),
      ],
      'average',
    ).positions.get('ACME')!;
    expect(sut.quantity.toFixed()).toBe('0');
    expect(sut.costBasis.toFixed()).toBe('0');
    // Proceeds 6 − cost 5 = 1, however the 5 / 3 was split between the two sales.
    expect(sut.realisedPnl.toDecimalPlaces(8).toFixed()).toBe('1');
  });

  it('keeps dividends and fees on their own lines', () => {
    const sut = derivePositions(
      [
        trade('buy', '2026-01-05', '10', '100'),
        {
          type: 'dividend',
          tradeDate: '2026-02-01',
          symbol: 'ACME',
          amount: '12.5',
          currency: 'USD',
          fees: '0.5',
        },
        { type: 'fee', tradeDate: '2026-02-01', amount: '3', currency: 'USD', fees: '0' },
        { type: 'deposit', tradeDate: '2026-01-01', amount: '2000', currency: 'USD', fees: '0' },
      ],
      'average',
    );
    const position = sut.positions.get('ACME')!;
    expect(position.dividends.toFixed()).toBe('12.5');
    expect(position.fees.toFixed()).toBe('0.5');
    expect(position.realisedPnl.toFixed()).toBe('0');
    expect(sut.accountFees.get('USD')!.toFixed()).toBe('3');
    expect(sut.cash.get('USD')!.toFixed()).toBe(String(-1000 + 12 - 3 + 2000));
  });

  it('refuses to sell more than is held at that date', () => {
    expect(() =>
      derivePositions(
        [trade('buy', '2026-01-05', '10', '100'), trade('sell', '2026-01-06', '11', '100')],
        'average',
      ),
    ).toThrow(new OversellError('ACME', '2026-01-06', '10', '11'));
    expect(() => derivePositions([trade('sell', '2026-01-06', '1', '100')], 'fifo')).toThrow(OversellError);
  });

  it('keeps the quantity before the latest trade day and the money put in on it, for the day change', () => {
    const sut = derivePositions(
      [
        ...ledger,
        trade('buy', '2026-03-03', '4', '125'),
        { type: 'split', tradeDate: '2026-03-03', symbol: 'ACME', quantity: '2', currency: 'USD', fees: '0' },
        trade('sell', '2026-03-03', '2', '70'),
      ],
      'average',
    ).positions.get('ACME')!;
    expect(sut.lastTradeDay).toBe('2026-03-03');
    expect(sut.preTradeQuantity.toFixed()).toBe('15');
    expect(sut.tradeDayFlow.toFixed()).toBe(String(4 * 125 - 2 * 70));
    expect(sut.quantity.toFixed()).toBe('36'); // (15 + 4) × 2 − 2
  });
});
