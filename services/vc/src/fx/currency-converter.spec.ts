import { CurrencyConverter } from './currency-converter';

describe(CurrencyConverter.name, () => {
  const asOf = new Date('2026-11-24T12:00:00Z');
  const sut = new CurrencyConverter([
    { base: 'EUR', quote: 'USD', rate: '1.16', asOf },
    { base: 'GBP', quote: 'USD', rate: '1.25', asOf },
    { base: 'USD', quote: 'CAD', rate: '1.40', asOf: new Date('2026-11-23T12:00:00Z') },
  ]);

  it('converts with a direct pair', () => {
    expect(sut.convert('1000000.00', 'EUR', 'USD')?.toFixed(2)).toBe('1160000.00');
  });

  it('converts with the inverse of a pair: 1,400 CAD at USDCAD 1.40 is 1,000 USD', () => {
    expect(sut.convert('1400', 'CAD', 'USD')?.toFixed(2)).toBe('1000.00');
  });

  it('crosses through USD: 1,000 GBP = 1,250 USD = 1,077.59 EUR at EURUSD 1.16', () => {
    expect(sut.convert('1000', 'GBP', 'EUR')?.toFixed(2)).toBe('1077.59');
  });

  it('gives nothing rather than a guess when no rate is known', () => {
    expect(sut.convert('1000', 'SEK', 'USD')).toBeUndefined();
    expect(sut.convert('1000', 'USD', 'USD')?.toFixed(0)).toBe('1000');
  });

  it('reports the oldest rate in use', () => {
    expect(sut.oldestAsOf()?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});
