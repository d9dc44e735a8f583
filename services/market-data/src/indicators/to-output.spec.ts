import Decimal from 'decimal.js';
import { toOutput } from './to-output';

describe(toOutput.name, () => {
  it('writes 8 fixed places, rounding half to even', () => {
    expect(toOutput(new Decimal('22.221'))).toBe('22.22100000');
    expect(toOutput(new Decimal('0.123456785'))).toBe('0.12345678');
    expect(toOutput(new Decimal('0.123456775'))).toBe('0.12345678');
    expect(toOutput(new Decimal('1e-20'))).toBe('0.00000000');
  });

  it('never writes a negative zero', () => {
    expect(toOutput(new Decimal('-0.000000001'))).toBe('0.00000000');
    expect(toOutput(new Decimal('-0.00004'), 4)).toBe('0.0000');
  });

  it('takes other place counts', () => {
    expect(toOutput(new Decimal('1.56255'), 4)).toBe('1.5626');
    expect(toOutput(new Decimal('-2.5'), 0)).toBe('-2');
  });
});
