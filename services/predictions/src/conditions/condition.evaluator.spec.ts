import Decimal from 'decimal.js';
import { evaluateCondition } from './condition.evaluator';
import { parseCondition } from './condition.parser';

function holds(source: string, pcp: string, price = '2000', priceAtCreate = '2000'): boolean {
  return evaluateCondition(parseCondition(source), {
    price_change_percent: new Decimal(pcp),
    price: new Decimal(price),
    price_at_create: new Decimal(priceAtCreate),
  });
}

describe(evaluateCondition.name, () => {
  it('treats both ends of an open range as outside', () => {
    const range = 'price_change_percent > 0 AND price_change_percent < 1.0';
    expect(holds(range, '0')).toBe(false);
    expect(holds(range, '0.0000000000000000000000001')).toBe(true);
    expect(holds(range, '0.9999999999999999999999999')).toBe(true);
    expect(holds(range, '1')).toBe(false);
    expect(holds(range, '1.000')).toBe(false);
  });

  it('treats both ends of a closed range as inside', () => {
    const range = 'price_change_percent >= -0.5 AND price_change_percent <= 1.0';
    expect(holds(range, '-0.5000000000000000000001')).toBe(false);
    expect(holds(range, '-0.5')).toBe(true);
    expect(holds(range, '1.0')).toBe(true);
    expect(holds(range, '1.0000000000000000000001')).toBe(false);
  });

  it('compares == and != exactly, not as floats', () => {
    expect(holds('price_change_percent == -0.5', '-0.50')).toBe(true);
    expect(holds('price_change_percent == -0.5', '-0.49')).toBe(false);
    expect(holds('price_change_percent != 0', '-0')).toBe(false);
    expect(holds('price_change_percent != 0', '0.0000000000000000000000000000001')).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(
      evaluateCondition(parseCondition('price_change_percent == 0.3'), {
        price_change_percent: new Decimal('0.1').plus('0.2'),
        price: new Decimal(1),
        price_at_create: new Decimal(1),
      }),
    ).toBe(true);
  });

  it('reads a number on the left the same way', () => {
    expect(holds('0 < price_change_percent', '0')).toBe(false);
    expect(holds('0 <= price_change_percent', '0')).toBe(true);
    expect(holds('1 > price_change_percent', '0.99')).toBe(true);
  });

  it('compares price with a number and with price_at_create', () => {
    expect(holds('price >= 2000.5', '0', '2000.49')).toBe(false);
    expect(holds('price >= 2000.5', '0', '2000.5')).toBe(true);
    expect(holds('price > price_at_create', '0', '2000', '2000')).toBe(false);
    expect(holds('price > price_at_create', '0.0005', '2000.01', '2000')).toBe(true);
    expect(holds('price_at_create >= price', '0', '2000', '2000')).toBe(true);
    expect(holds('price_at_create > 1999.99', '0', '1', '2000')).toBe(true);
  });

  it('applies NOT, AND and OR with their precedence', () => {
    const source = 'price_change_percent < 0 OR price_change_percent > 1 AND NOT price == 5';
    expect(holds(source, '-1', '5')).toBe(true);
    expect(holds(source, '2', '5')).toBe(false);
    expect(holds(source, '2', '6')).toBe(true);
    expect(holds(source, '0.5', '6')).toBe(false);
    expect(holds('NOT (price_change_percent < 0 OR price_change_percent > 1)', '0')).toBe(true);
    expect(holds('NOT (price_change_percent < 0 OR price_change_percent > 1)', '1.01')).toBe(false);
  });
});
