import { macd } from './macd';

/**
 * investexcel.net, "How to Calculate MACD in Excel" (AAPL daily closes from 19-Feb-2013; EMAs seeded with
 * the SMA of their first 12/26 closes, the signal with the SMA of the first 9 MACD values):
 * https://investexcel.net/how-to-calculate-macd-in-excel/
 * The spreadsheet's full-precision values, as transcribed by public test suites that cite the article
 * (two independent transcriptions agree to every digit they share).
 */
// prettier-ignore
const AAPL = [
  '459.99', '448.85', '446.06', '450.81', '442.80', '448.97', '444.57', '441.40', '430.47', '420.05',
  '431.14', '425.66', '430.58', '431.72', '437.87', '428.43', '428.35', '432.50', '443.66', '455.72',
  '454.49', '452.08', '452.73', '461.91', '463.58', '461.14', '452.08', '442.66', '428.91', '429.79',
  '431.99', '427.72', '423.20', '426.21', '426.98', '435.69', '434.33', '429.80', '419.85', '426.24',
];
/** MACD line from the 26th close (index 25). */
const MACD_LINE = [
  8.27526950390762, 7.70337838145673, 6.41607475695588, 4.23751978326482, 2.55258332486574, 1.37888571985366,
  0.102981491199102, -1.25840195280313, -2.07055819009491, -2.62184232825689, -2.32906674045495,
  -2.18163211479299, -2.40262627286643,
];
/** Signal and histogram from the 34th close (index 33). */
const SIGNAL = [3.03752586873394, 1.90565222933578, 1.05870843537763, 0.410640325343509, -0.152012994298479];
const HISTOGRAM = [
  -5.10808405882886, -4.52749455759267, -3.38777517583258, -2.5922724401365, -2.25061327856795,
];
/** The spreadsheet's signal on the 40th close (index 39). */
const SIGNAL_40 = -1.338100412582993;

function expectSame(actual: (string | null)[], published: number[]): void {
  expect(actual).toHaveLength(published.length);
  // The sheet works in doubles (~1e-13); ours is rounded to 8 places.
  actual.forEach((value, index) =>
    expect(Math.abs(Number(value) - published[index])).toBeLessThanOrEqual(5e-9),
  );
}

describe(macd.name, () => {
  it('matches the published investexcel MACD(12, 26, 9)', () => {
    const result = macd(AAPL);
    expect(result.line.slice(0, 25)).toEqual(Array(25).fill(null));
    expectSame(result.line.slice(25, 38), MACD_LINE);
    expect(result.signal.slice(0, 33)).toEqual(Array(33).fill(null));
    expectSame(result.signal.slice(33, 38), SIGNAL);
    expectSame(result.histogram.slice(33, 38), HISTOGRAM);
    expectSame([result.signal[39]], [SIGNAL_40]);
  });

  it('is line − signal in the histogram, and null where either is', () => {
    const result = macd(AAPL);
    result.histogram.forEach((value, index) => {
      const line = result.line[index];
      const signal = result.signal[index];
      if (line === null || signal === null) expect(value).toBeNull();
      else expect(Math.abs(Number(value) - (Number(line) - Number(signal)))).toBeLessThanOrEqual(1.5e-8);
    });
  });

  it('is a constant 7 on a straight line (by hand: EMA lag (n − 1)/2, so 25/2 − 11/2)', () => {
    const ramp = Array.from({ length: 40 }, (_, index) => String(100 + index));
    const result = macd(ramp);
    expect(result.line.slice(25)).toEqual(Array(15).fill('7.00000000'));
    expect(result.signal.slice(33)).toEqual(Array(7).fill('7.00000000'));
    expect(result.histogram.slice(33)).toEqual(Array(7).fill('0.00000000'));
  });

  it('takes other periods (by hand: fast 2, slow 3, signal 2 on 1, 2, 3, 5, 8, 13)', () => {
    // EMA2 (k 2/3) from index 1: 3/2, 5/2, 25/6, 121/18, 589/54. EMA3 (k 1/2) from index 2: 2, 7/2, 23/4, 75/8.
    // Line from index 2: 1/2, 2/3, 35/36, 331/216. Signal seeded (1/2 + 2/3)/2 = 7/12, then 91/108, 211/162.
    const result = macd(['1', '2', '3', '5', '8', '13'], { fast: 2, slow: 3, signal: 2 });
    expect(result.line).toEqual([null, null, '0.50000000', '0.66666667', '0.97222222', '1.53240741']);
    expect(result.signal).toEqual([null, null, null, '0.58333333', '0.84259259', '1.30246914']);
  });
});
