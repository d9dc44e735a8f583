import Decimal from 'decimal.js';
import { parseCondition } from './condition.parser';
import { checkCoverage } from './option-coverage';

function coverage(sources: string[], priceAtCreate = '2000') {
  return checkCoverage(sources.map(parseCondition), new Decimal(priceAtCreate));
}

const messages = (sources: string[], priceAtCreate?: string) =>
  coverage(sources, priceAtCreate).map((problem) => problem.message);

describe(checkCoverage.name, () => {
  it('accepts options that partition the domain', () => {
    expect(
      coverage([
        'price_change_percent < 0',
        'price_change_percent >= 0 AND price_change_percent < 1',
        'price_change_percent >= 1',
      ]),
    ).toEqual([]);
  });

  it('reports a gap with its open and closed ends', () => {
    expect(
      coverage([
        'price_change_percent < -0.5',
        'price_change_percent >= 0 AND price_change_percent < 1',
        'price_change_percent >= 1',
      ]),
    ).toEqual([
      {
        kind: 'gap',
        interval: '[-0.5, 0)',
        options: [],
        message: 'no option covers price_change_percent in [-0.5, 0)',
      },
    ]);
  });

  it('reports an overlap naming the options', () => {
    expect(coverage(['price_change_percent <= 1.0', 'price_change_percent > 0.50'])).toEqual([
      {
        kind: 'overlap',
        interval: '(0.5, 1]',
        options: [1, 2],
        message: 'options 1 and 2 both cover price_change_percent in (0.5, 1]',
      },
    ]);
  });

  it('reports a single uncovered or doubly covered point as = x', () => {
    expect(coverage(['price_change_percent < 0', 'price_change_percent > 0'])).toEqual([
      { kind: 'gap', interval: '[0, 0]', options: [], message: 'no option covers price_change_percent = 0' },
    ]);
    expect(messages(['price_change_percent <= -0.25', 'price_change_percent >= -0.25'])).toEqual([
      'options 1 and 2 both cover price_change_percent = -0.25',
    ]);
  });

  it('reports every problem from the bottom of the domain up, with three-way overlaps', () => {
    expect(
      messages([
        'price_change_percent > -50',
        'price_change_percent > 1',
        'price_change_percent > 2',
        'price_change_percent < -60',
      ]),
    ).toEqual([
      'no option covers price_change_percent in [-60, -50]',
      'options 1 and 2 both cover price_change_percent in (1, 2]',
      'options 1, 2 and 3 all cover price_change_percent in (2, ∞)',
    ]);
  });

  it('covers only (-100, ∞): a price cannot reach zero', () => {
    expect(coverage(['price_change_percent > -100'])).toEqual([]);
    expect(coverage(['price_change_percent > -150 AND price_change_percent != -100'])).toEqual([]);
    expect(messages(['price_change_percent >= -50'])).toEqual([
      'no option covers price_change_percent in (-100, -50)',
    ]);
    expect(coverage(['price_change_percent < 10'])[0].interval).toBe('[10, ∞)');
  });

  it('translates price thresholds to price_change_percent through the price at creation', () => {
    expect(coverage(['price < 2000', 'price >= 2000'])).toEqual([]);
    expect(coverage(['price < 1990', 'price >= 1990 AND price <= 2010', 'price > 2010'])).toEqual([]);
    expect(coverage(['price_change_percent < 0', 'price >= 2000'])).toEqual([]);
    expect(messages(['price < 1990', 'price >= 1990 AND price <= 2010', 'price > 2020'])).toEqual([
      'no option covers price_change_percent in (0.5, 1]',
    ]);
    expect(messages(['price <= 2010', 'price_change_percent >= 0.25'])).toEqual([
      'options 1 and 2 both cover price_change_percent in [0.25, 0.5]',
    ]);
  });

  it('compares price with price_at_create as a change of 0', () => {
    expect(
      coverage(['price < price_at_create', 'price == price_at_create', 'price_at_create < price']),
    ).toEqual([]);
    expect(messages(['price < price_at_create', 'price_change_percent > 0'])).toEqual([
      'no option covers price_change_percent = 0',
    ]);
  });

  it('works with thresholds that do not terminate, to 40 significant digits', () => {
    expect(coverage(['price < 4', 'price >= 4'], '3')).toEqual([]);
    expect(messages(['price < 4', 'price > 4'], '3')).toEqual([
      'no option covers price_change_percent = 33.33333333333333333333333333333333333333',
    ]);
  });

  it('solves a comparison of price_change_percent with price', () => {
    // p0 = 50: pcp < 50 + pcp / 2  ⇔  pcp < 100.
    expect(coverage(['price_change_percent < price', 'price_change_percent >= 100'], '50')).toEqual([]);
    // p0 = 200: pcp < 200 + 2 pcp  ⇔  pcp > -200, always.
    expect(coverage(['price_change_percent < price'], '200')).toEqual([]);
  });

  it('takes NOT as the complement within the domain', () => {
    expect(coverage(['NOT price_change_percent >= 0', 'price_change_percent >= 0'])).toEqual([]);
    expect(
      coverage([
        'NOT (price_change_percent >= 0 AND price_change_percent < 1)',
        'price_change_percent >= 0 AND price_change_percent < 1',
      ]),
    ).toEqual([]);
    expect(
      messages(['NOT (price_change_percent > 0 OR price_change_percent < -1)', 'price_change_percent > 0']),
    ).toEqual(['no option covers price_change_percent in (-100, -1)']);
  });

  it('takes != as everything but a point', () => {
    expect(coverage(['price_change_percent != 0', 'price_change_percent == 0'])).toEqual([]);
    expect(coverage(['price != 2000', 'price == 2000'])).toEqual([]);
    expect(messages(['price_change_percent != 0', 'price_change_percent >= 0'])).toEqual([
      'options 1 and 2 both cover price_change_percent in (0, ∞)',
    ]);
  });

  it('reports an option that can never be true', () => {
    expect(
      coverage([
        'price_change_percent < 0',
        'price_change_percent >= 0',
        'price_change_percent > 5 AND price_change_percent < 2',
      ]),
    ).toEqual([{ kind: 'empty', interval: '∅', options: [3], message: 'option 3 can never be true' }]);
    // A price below zero is out of reach.
    expect(messages(['price < 0', 'price_change_percent > -100'])).toEqual(['option 1 can never be true']);
    expect(messages(['price_change_percent <= -100', 'price_change_percent > -100'])).toEqual([
      'option 1 can never be true',
    ]);
  });

  it('reads a comparison without price_change_percent or price as always or never', () => {
    expect(coverage(['price_at_create > 5'])).toEqual([]);
    expect(coverage(['price == price'])).toEqual([]);
    expect(messages(['price_at_create < 5', 'price_change_percent < 0'])).toEqual([
      'option 1 can never be true',
      'no option covers price_change_percent in [0, ∞)',
    ]);
  });

  it('refuses a price at creation that is not positive', () => {
    expect(() => coverage(['price > 1'], '0')).toThrow(
      new RangeError('price at create must be a positive number, got 0'),
    );
  });
});
