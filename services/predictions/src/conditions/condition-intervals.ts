import Decimal from 'decimal.js';
import type { ComparisonNode, ComparisonOperator, ConditionNode, Operand } from './condition.ast';
import { compareDecimals, mirrorOperator } from './comparison-operator';
import { complement, intersect, union } from './interval-set';
import type { Interval, IntervalSet } from './interval-set';

// Thresholds such as (2001 - 3) / 3 × 100 do not terminate; 40 digits keep them far below any price tick
// without touching the precision the rest of the process uses.
export const Decimal40 = Decimal.clone({ precision: 40 });

/** A price cannot fall to zero, so price_change_percent lives in (-100, +∞). */
export const DOMAIN: Interval = {
  lower: new Decimal40(-100),
  lowerClosed: false,
  upper: null,
  upperClosed: false,
};

/** `slope × price_change_percent + offset`: every operand is one, as price = p0 + p0/100 × pcp. */
interface Linear {
  readonly slope: Decimal;
  readonly offset: Decimal;
}

/** The values of price_change_percent for which a condition holds, given the price at creation. */
export function conditionToIntervals(node: ConditionNode, priceAtCreate: Decimal): IntervalSet {
  switch (node.kind) {
    case 'comparison':
      return comparisonToIntervals(node, new Decimal40(priceAtCreate));
    case 'not':
      return complement(conditionToIntervals(node.operand, priceAtCreate), DOMAIN);
    case 'and':
      return intersect(
        conditionToIntervals(node.left, priceAtCreate),
        conditionToIntervals(node.right, priceAtCreate),
      );
    case 'or':
      return union(
        conditionToIntervals(node.left, priceAtCreate),
        conditionToIntervals(node.right, priceAtCreate),
      );
  }
}

function comparisonToIntervals(node: ComparisonNode, p0: Decimal): IntervalSet {
  const left = toLinear(node.left, p0);
  const right = toLinear(node.right, p0);
  // left OP right  ⇔  slope × pcp OP offset, with both sides moved across.
  const slope = left.slope.minus(right.slope);
  const offset = right.offset.minus(left.offset);
  if (slope.isZero()) return compareDecimals(new Decimal40(0), node.operator, offset) ? [DOMAIN] : [];
  // Dividing by a negative slope turns the inequality around.
  const operator = slope.isNegative() ? mirrorOperator(node.operator) : node.operator;
  return pcpIntervals(operator, offset.div(slope));
}

function toLinear(operand: Operand, p0: Decimal): Linear {
  const zero = new Decimal40(0);
  if (operand.kind === 'number') return { slope: zero, offset: new Decimal40(operand.value) };
  switch (operand.name) {
    case 'price_change_percent':
      return { slope: new Decimal40(1), offset: zero };
    case 'price':
      return { slope: p0.div(100), offset: p0 };
    case 'price_at_create':
      return { slope: zero, offset: p0 };
  }
}

function pcpIntervals(operator: ComparisonOperator, threshold: Decimal): IntervalSet {
  const point: Interval = { lower: threshold, lowerClosed: true, upper: threshold, upperClosed: true };
  const below = (closed: boolean): Interval => ({ ...DOMAIN, upper: threshold, upperClosed: closed });
  const above = (closed: boolean): Interval => ({ ...DOMAIN, lower: threshold, lowerClosed: closed });
  switch (operator) {
    case '<':
      return intersect([below(false)], [DOMAIN]);
    case '<=':
      return intersect([below(true)], [DOMAIN]);
    case '>':
      return intersect([above(false)], [DOMAIN]);
    case '>=':
      return intersect([above(true)], [DOMAIN]);
    case '==':
      return intersect([point], [DOMAIN]);
    case '!=':
      return complement([point], DOMAIN);
  }
}
