import { changePercent, previousQuarter, quarterOf } from './quarters';

describe('quarters', () => {
  it('names the calendar quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-06-30')).toBe('2026-Q2');
    expect(quarterOf('2026-07-01')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('steps back over a year end', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
  });

  it('gives quarter-over-quarter change in percent: 40 → 50 is +25.00, 50 → 40 is -20.00', () => {
    expect(changePercent('40', '50')).toBe('25.00');
    expect(changePercent('50', '40')).toBe('-20.00');
    expect(changePercent('0', '40')).toBeUndefined();
  });
});
