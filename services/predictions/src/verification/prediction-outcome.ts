import Decimal from 'decimal.js';
import { evaluateCondition, type ConditionNode } from '../conditions';
import type { ObservedPrice } from '../prices/price-projection.repository';
import { changePercent } from './change-percent';

export interface DuePrediction {
  id: string;
  symbol: string;
  verifyAt: Date;
  priceAtCreate: string;
  options: { option: number; condition: ConditionNode }[];
}

export interface VerificationRules {
  maxPriceAgeMs: number;
  graceMs: number;
}

export type Outcome =
  | { kind: 'verified'; winningOption: number; price: ObservedPrice; changePercent: string }
  | { kind: 'void'; reason: string }
  | { kind: 'wait'; reason: string };

/**
 * What a due prediction's price says: the winning option, or wait for a price, or give up fairly. The
 * price is the last one at or before verifyAt and at most `maxPriceAgeMs` older than it; a later price
 * never decides an earlier question.
 */
export function decideOutcome(
  prediction: DuePrediction,
  price: ObservedPrice | undefined,
  now: Date,
  rules: VerificationRules,
): Outcome {
  const fresh = price && prediction.verifyAt.getTime() - price.asOf.getTime() <= rules.maxPriceAgeMs;
  if (!price || !fresh) {
    const seen = price ? `the last one at or before it is from ${price.asOf.toISOString()}` : 'none seen';
    const what =
      `no ${prediction.symbol} price at most ${rules.maxPriceAgeMs / 1000} s before verifyAt ` +
      `${prediction.verifyAt.toISOString()} (${seen})`;
    if (now.getTime() > prediction.verifyAt.getTime() + rules.graceMs) {
      return { kind: 'void', reason: `${what} within the ${rules.graceMs / 1000} s grace period` };
    }
    return { kind: 'wait', reason: `waiting for a price: ${what}` };
  }
  const change = changePercent(prediction.priceAtCreate, price.price);
  const variables = {
    price_change_percent: new Decimal(change),
    price: new Decimal(price.price),
    price_at_create: new Decimal(prediction.priceAtCreate),
  };
  const winners = prediction.options.filter((option) => evaluateCondition(option.condition, variables));
  if (winners.length !== 1) {
    // Coverage is checked at creation, so only conditions on raw `price` next to rounded
    // `price_change_percent` can land here; a coin toss would not be fair.
    const which = winners.length === 0 ? 'no option' : `options ${winners.map((w) => w.option).join(', ')}`;
    return {
      kind: 'void',
      reason: `${which} matched price_change_percent = ${change} (price ${price.price}): the outcome is ambiguous`,
    };
  }
  return { kind: 'verified', winningOption: winners[0].option, price, changePercent: change };
}
