import type Decimal from 'decimal.js';
import type { ComparisonOperator } from './condition.ast';

/** Compares exactly, digit by digit: `0.1 + 0.2 == 0.3` holds here, unlike with JS numbers. */
export function compareDecimals(left: Decimal, operator: ComparisonOperator, right: Decimal): boolean {
  const order = left.cmp(right);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}

/** The operator that keeps the meaning when the two sides swap places: `a < b` is `b > a`. */
export function mirrorOperator(operator: ComparisonOperator): ComparisonOperator {
  switch (operator) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    case '==':
    case '!=':
      return operator;
  }
}
