import Decimal from 'decimal.js';

export interface PricedRound {
  currency: string;
  preMoney?: string;
  postMoney?: string;
}

/**
 * The step-up of each round: its pre-money over the previous round's post-money (2.00 = priced at twice
 * the last round's valuation; below 1 is a down round). Undefined for the first round, when a valuation
 * is missing, or across currencies (a ratio of EUR to USD would mix in the exchange rate).
 */
export function stepUps(rounds: readonly PricedRound[]): (string | undefined)[] {
  return rounds.map((round, index) => {
    const previous = rounds[index - 1];
    if (!previous?.postMoney || !round.preMoney || previous.currency !== round.currency) return undefined;
    return new Decimal(round.preMoney).div(previous.postMoney).toFixed(2);
  });
}
