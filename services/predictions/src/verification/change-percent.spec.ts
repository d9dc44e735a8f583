import { changePercent } from './change-percent';

describe(changePercent.name, () => {
  it.each([
    // [create, verify, expected]: the exact quotient and how half-to-even rounds it
    ['2000', '2010', '0.50'], // 0.5 exactly
    ['100', '100', '0.00'],
    ['100', '99.5', '-0.50'],
    ['800', '801', '0.12'], // 0.125 → tie → even 0.12
    ['800', '801.08', '0.14'], // 0.135 → tie → even 0.14
    ['800', '799', '-0.12'], // -0.125 → tie → even -0.12
    ['1000', '1000.05', '0.00'], // 0.005 → tie → even 0.00
    ['1000', '1000.15', '0.02'], // 0.015 → tie → even 0.02
    ['1000', '1000.1500001', '0.02'],
    ['1000', '1000.1499999', '0.01'], // just under the tie
    ['3', '4', '33.33'], // 33.333… never a tie
    ['3', '5', '66.67'],
    ['0.00000001', '0.00000002', '100.00'],
    ['94917.86', '1', '-100.00'], // -99.998946… rounds to -100.00
  ])('(%s → %s) is %s', (create, verify, expected) => {
    expect(changePercent(create, verify)).toBe(expected);
  });

  it('refuses a price at creation that is not positive, and text that is not a decimal', () => {
    expect(() => changePercent('0', '1')).toThrow('positive');
    expect(() => changePercent('1e3', '1')).toThrow("not a decimal string: '1e3'");
  });
});
