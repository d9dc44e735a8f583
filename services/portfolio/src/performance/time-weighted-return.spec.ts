import { money } from '../money/money';
import { maxDrawdown, timeWeightedReturn, type ValuationPoint } from './time-weighted-return';

const point = (date: string, value: string, flow = '0', income = '0'): ValuationPoint => ({
  date,
  value: money(value),
  flow: money(flow),
  income: money(income),
});

describe(timeWeightedReturn.name, () => {
  it('neutralises a mid-period purchase (hand-computed: +5 % then −5 % is −0.25 %)', () => {
    // Day 1: 1,000 held. Day 2: 500 more bought, close 1,575: 1,575 / (1,000 + 500) = 1.05.
    // Day 3: close 1,496.25: 1,496.25 / 1,575 = 0.95. TWR = 1.05 × 0.95 − 1 = −0.0025.
    const sut = timeWeightedReturn([
      point('2026-11-02', '1000'),
      point('2026-11-03', '1575', '500'),
      point('2026-11-04', '1496.25'),
    ]);
    expect(sut.rate.toFixed()).toBe('-0.0025');
    expect(sut.index.map((level) => level.toFixed())).toEqual(['1', '1.05', '0.9975']);
  });

  it('is not moved by the size of flows, unlike the simple gain (hand-computed with a withdrawal)', () => {
    // 10,000 → 11,000 (+10 %); 6,000 sold at the start of day 3, close 4,400: 4,400 / (11,000 − 6,000) = 0.88.
    // TWR = 1.10 × 0.88 − 1 = −0.032, although 4,400 + 6,000 − 10,000 = +400 was gained in money.
    const sut = timeWeightedReturn([
      point('2026-01-01', '10000'),
      point('2026-01-02', '11000'),
      point('2026-01-03', '4400', '-6000'),
    ]);
    expect(sut.rate.toFixed()).toBe('-0.032');
  });

  it('counts dividends as return on their day', () => {
    // 2,000 → 1,980 with 40 paid out: (1,980 + 40) / 2,000 = 1.01.
    const sut = timeWeightedReturn([point('2026-03-01', '2000'), point('2026-03-02', '1980', '0', '40')]);
    expect(sut.rate.toFixed()).toBe('0.01');
  });

  it('starts from nothing: the first purchase is a flow, valued at its day’s close', () => {
    // Bought for 1,000 (+ 10 fees, a net flow of 1,010), close 1,020: 1,020 / 1,010 − 1.
    const sut = timeWeightedReturn([point('2026-05-03', '0'), point('2026-05-04', '1020', '1010')]);
    expect(sut.rate.toDecimalPlaces(10).toFixed()).toBe('0.0099009901');
  });

  it('leaves a period that starts and ends at nothing neutral, not −100 %', () => {
    // Empty at the 16:00 snapshot, 1,000 bought but the next value still 0 (the flow reached no valued
    // holding), then 1,100: the return is the last period's 1,100 / 1,000 alone.
    const sut = timeWeightedReturn([
      point('2026-05-03', '0'),
      point('2026-05-04', '0', '1000'),
      point('2026-05-05', '1100', '1000'),
    ]);
    expect(sut.rate.toFixed()).toBe('0.1');
  });

  it('ends a period that sells everything at the proceeds, gained or lost (hand-computed)', () => {
    // 1,000 → 1,080 (+8 %), then all sold for 1,100 and nothing left: 1,100 / 1,080. Together 1,100 / 1,000.
    const gain = timeWeightedReturn([
      point('2026-06-01', '1000'),
      point('2026-06-02', '1080'),
      point('2026-06-03', '0', '-1100'),
    ]);
    expect(gain.rate.toDecimalPlaces(20).toFixed()).toBe('0.1');
    // 1,000 sold for 900 with 20 of dividends that day: (900 + 20) / 1,000 − 1 = −8 %, not −100 %.
    const loss = timeWeightedReturn([point('2026-06-01', '1000'), point('2026-06-02', '0', '-900', '20')]);
    expect(loss.rate.toFixed()).toBe('-0.08');
  });

  it('has no return without points or without anything invested', () => {
    expect(timeWeightedReturn([]).rate.toFixed()).toBe('0');
    expect(timeWeightedReturn([point('2026-01-01', '0'), point('2026-01-02', '0')]).rate.toFixed()).toBe('0');
  });
});

describe(maxDrawdown.name, () => {
  it('is the largest fall from a running peak (hand-computed: 1.2 → 0.9 is 25 %)', () => {
    const sut = maxDrawdown(['1', '1.2', '1.0', '1.1', '0.9', '1.3', '1.17'].map(money));
    expect(sut.toFixed()).toBe('0.25');
  });

  it('is zero for a series that never falls', () => {
    expect(maxDrawdown(['1', '1', '1.5'].map(money)).toFixed()).toBe('0');
  });
});
