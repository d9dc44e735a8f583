import { money } from '../money/money';
import { maxDrawdown, timeWeightedReturn, type ValuationPoint } from './time-weighted-return';

/** A point whose flow is all in (positive) or all out (negative), held when it has a value. */
const point = (date: string, value: string, flow = '0', income = '0'): ValuationPoint => ({
  date,
  value: money(value),
  held: !money(value).isZero(),
  flow: money(flow),
  moneyIn: money(flow).greaterThan(0) ? money(flow) : money(0),
  moneyOut: money(flow).lessThan(0) ? money(flow).negated() : money(0),
  income: money(income),
});

/** A point with its money in and out given apart (flow = moneyIn − moneyOut). */
const traded = (
  date: string,
  value: string,
  { moneyIn = '0', moneyOut = '0', income = '0', held = !money(value).isZero() },
): ValuationPoint => ({
  date,
  value: money(value),
  held,
  flow: money(moneyIn).minus(moneyOut),
  moneyIn: money(moneyIn),
  moneyOut: money(moneyOut),
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

  it('ends a period that buys and then sells everything at the sale, not at the net flow (issue #5)', () => {
    // 1 share worth 100; before the next value 100 more bought at 100 (10,000 in) and all 101 sold at 101
    // (10,201 out): (0 + 10,201) / (100 + 10,000) = 1.01, +1 %. Netted, −201 read as proceeds: 201 / 100.
    const roundTrip = timeWeightedReturn([
      traded('2026-07-01', '100', {}),
      traded('2026-07-02', '0', { moneyIn: '10000', moneyOut: '10201' }),
    ]);
    expect(roundTrip.rate.toFixed()).toBe('0.01');
    // 1 worth 100, 10 more bought at 100 (1,000 in), the price halves, all 11 sold at 50 (550 out):
    // 550 / (100 + 1,000) = 0.5, −50 %. Netted, the +450 flow measured 0 / 550: −100 % for good.
    const halved = timeWeightedReturn([
      traded('2026-07-01', '100', {}),
      traded('2026-07-02', '0', { moneyIn: '1000', moneyOut: '550' }),
      traded('2026-07-03', '0', {}),
    ]);
    expect(halved.rate.toFixed()).toBe('-0.5');
    expect(halved.index.map((level) => level.toFixed())).toEqual(['1', '0.5', '0.5']);
  });

  it('counts a dividend paid after a sell-out in the period of the sale (issue #5)', () => {
    // 1,000 sold for 1,000 (1,000 / 1,000), a snapshot with nothing held, then 20 of dividend with nothing
    // invested: as if received with the sale, (1,000 + 20) / 1,000 = 1.02, +2 % (it was 0 %).
    const sut = timeWeightedReturn([
      traded('2026-08-01', '1000', {}),
      traded('2026-08-02', '0', { moneyOut: '1000' }),
      traded('2026-08-03', '0', { income: '20' }),
    ]);
    expect(sut.rate.toFixed()).toBe('0.02');
    expect(sut.index.map((level) => level.toFixed())).toEqual(['1', '1', '1.02']);
    // After a gain: 1,000 → 1,080, sold for 1,100; two dividends of 11 later, each with nothing invested.
    // The sale's period becomes (1,100 + 11 + 11) / 1,080: in all 1,080 / 1,000 × 1,122 / 1,080 = 1.122,
    // exactly (compounding 1 + 11 / 1,100 twice would give 1.12211).
    const twice = timeWeightedReturn([
      traded('2026-08-01', '1000', {}),
      traded('2026-08-02', '1080', {}),
      traded('2026-08-03', '0', { moneyOut: '1100' }),
      traded('2026-08-04', '0', { income: '11' }),
      traded('2026-08-05', '0', { income: '11' }),
    ]);
    expect(twice.rate.toDecimalPlaces(20).toFixed()).toBe('0.122');
    // Income before anything was ever invested has no period to go to: left out.
    const orphan = timeWeightedReturn([
      traded('2026-08-01', '0', {}),
      traded('2026-08-02', '0', { income: '5' }),
    ]);
    expect(orphan.rate.toFixed()).toBe('0');
  });

  it('does not read holdings that could not be valued as sold out (issue #5)', () => {
    // X worth 1,000; all X sold for 1,100 and Y bought for 500, Y unpriced: a value of 0 with Y held. Not
    // a sell-out at (0 + 1,100) / (1,000 + 500) (−26.67 %; netted, 600 / 1,000: −40 %), nor −100 %: the
    // period cannot be measured and contributes nothing.
    const sut = timeWeightedReturn([
      traded('2026-09-01', '1000', {}),
      traded('2026-09-02', '0', { moneyIn: '500', moneyOut: '1100', held: true }),
    ]);
    expect(sut.rate.toFixed()).toBe('0');
    expect(sut.index.map((level) => level.toFixed())).toEqual(['1', '1']);
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
