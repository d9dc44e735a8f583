import { formatCondition } from './condition.printer';
import { parseCondition } from './condition.parser';

const canonical = (source: string) => formatCondition(parseCondition(source));

describe(formatCondition.name, () => {
  it('writes upper-case keywords, single spaces and plain numbers', () => {
    expect(canonical('price_change_percent>0 and\tprice_change_percent<1.0')).toBe(
      'price_change_percent > 0 AND price_change_percent < 1',
    );
    expect(canonical('-0.50 <= price or price != price_at_create')).toBe(
      '-0.5 <= price OR price != price_at_create',
    );
  });

  it('keeps only the parentheses the tree needs', () => {
    expect(canonical('(price > 1 OR price < 0) AND price != 5')).toBe(
      '(price > 1 OR price < 0) AND price != 5',
    );
    expect(canonical('price > 1 OR (price < 0 AND price != 5)')).toBe(
      'price > 1 OR price < 0 AND price != 5',
    );
    expect(canonical('(price > 1 OR price < 0) OR price == 5')).toBe('price > 1 OR price < 0 OR price == 5');
    expect(canonical('price > 1 OR (price < 0 OR price == 5)')).toBe(
      'price > 1 OR (price < 0 OR price == 5)',
    );
    expect(canonical('((price > 1))')).toBe('price > 1');
  });

  it('brackets what NOT applies to', () => {
    expect(canonical('not not price > 1')).toBe('NOT (NOT (price > 1))');
    expect(canonical('NOT price > 1 AND price < 3')).toBe('NOT (price > 1) AND price < 3');
    expect(canonical('NOT (price > 1 AND price < 3)')).toBe('NOT (price > 1 AND price < 3)');
  });

  it.each([
    'price_change_percent > 0 AND price_change_percent < 1.0',
    'price > 1 OR (price < 0 OR price == 5) AND NOT (price != 3 OR price_at_create > 2)',
    '(price > 1 AND (price < 0 AND price == 5)) OR NOT NOT -1 < price_change_percent',
    'NOT (price > price_at_create) OR price_change_percent >= -99.999',
  ])('round-trips %j through the parser', (source) => {
    const tree = parseCondition(source);
    expect(parseCondition(formatCondition(tree))).toEqual(tree);
    expect(canonical(formatCondition(tree))).toBe(formatCondition(tree));
  });
});
