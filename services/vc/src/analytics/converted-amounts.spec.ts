import { CurrencyConverter } from '../fx/currency-converter';
import { convertAmounts } from './converted-amounts';

describe(convertAmounts.name, () => {
  const converter = new CurrencyConverter([
    { base: 'EUR', quote: 'USD', rate: '1.10', asOf: new Date('2026-11-24T00:00:00Z') },
  ]);

  it('converts what it has a rate for and totals the rest per currency, unconverted', () => {
    const rounds = [
      { amount: '1000000.00', currency: 'USD' },
      { amount: '2000000.00', currency: 'EUR' },
      { amount: '500000.00', currency: 'GBP' },
      { amount: '250000.00', currency: 'GBP' },
    ];
    const sut = convertAmounts(rounds, (round) => round, converter, 'USD');
    expect(sut.converted.map((entry) => entry.amount.toFixed(2))).toEqual(['1000000.00', '2200000.00']);
    expect(sut.unconverted).toEqual([{ currency: 'GBP', count: 2, total: '750000.00' }]);
  });
});
