import { rangeBaseline } from './performance-ranges';

describe(rangeBaseline.name, () => {
  it.each([
    ['1D', '2026-11-25', '2026-11-24'],
    ['WTD', '2026-11-25', '2026-11-22'], // a Wednesday: the week began Monday 23rd
    ['WTD', '2026-11-23', '2026-11-22'], // a Monday
    ['WTD', '2026-11-29', '2026-11-22'], // a Sunday still belongs to the week of Monday 23rd
    ['MTD', '2026-11-25', '2026-10-31'],
    ['MTD', '2026-03-01', '2026-02-28'],
    ['YTD', '2026-01-01', '2025-12-31'],
    ['1Y', '2026-11-25', '2025-11-25'],
    ['1Y', '2028-02-29', '2027-02-28'],
  ] as const)('%s on %s starts from the close of %s', (range, today, expected) => {
    expect(rangeBaseline(range, today)).toBe(expected);
  });

  it('has no baseline for MAX', () => {
    expect(rangeBaseline('MAX', '2026-11-25')).toBeUndefined();
  });
});
