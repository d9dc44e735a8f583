import Decimal from 'decimal.js';
import { trendRegime } from './trend-regime';

const d = (value: string) => new Decimal(value);

describe('trendRegime', () => {
  it.each([
    ['110', '105', '100', 'strong-uptrend'],
    ['110', '112', '100', 'uptrend'], // above the 200-day but below the 50-day
    ['110', '95', '100', 'uptrend'], // above both, but the 50 is still under the 200
    ['100', '105', '100', 'neutral'],
    ['90', '95', '100', 'strong-downtrend'],
    ['90', '85', '100', 'downtrend'],
    ['90', '105', '100', 'downtrend'],
  ])('close %s, sma50 %s, sma200 %s is %s', (close, sma50, sma200, regime) => {
    expect(trendRegime(d(close), d(sma50), d(sma200))).toBe(regime);
  });

  it('needs the 200-day average', () => {
    expect(trendRegime(d('1'), d('1'), null)).toBe('insufficient-history');
    expect(trendRegime(null, null, null)).toBe('insufficient-history');
  });
});
