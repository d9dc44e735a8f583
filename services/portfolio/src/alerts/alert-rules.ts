import type { PortfolioAlertKind } from '@marketpulse/contracts';
import { money } from '../money/money';

export const MILESTONE_DIRECTIONS = ['up', 'down'] as const;
export type MilestoneDirection = (typeof MILESTONE_DIRECTIONS)[number];

/**
 * What each kind needs: a symbol or not, a percent threshold at most 100 where it is a fall, and a
 * direction only for a value milestone.
 */
export function checkAlert(
  kind: PortfolioAlertKind,
  symbol: string | undefined,
  threshold: string,
  direction?: MilestoneDirection,
): string[] {
  const problems: string[] = [];
  if (direction !== undefined && kind !== 'value_milestone') {
    problems.push(`direction applies only to a value_milestone alert, not to ${kind}`);
  }
  switch (kind) {
    case 'price_above':
    case 'price_below':
    case 'daily_move':
      if (!symbol) problems.push(`a ${kind} alert needs a symbol`);
      break;
    case 'drawdown':
      if (money(threshold).greaterThan(100)) problems.push('a drawdown threshold is a percent, at most 100');
      break;
    case 'value_milestone':
      if (symbol) problems.push('a value_milestone alert is about the whole portfolio: no symbol');
      break;
  }
  return problems;
}
