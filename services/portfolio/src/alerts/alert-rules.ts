import type { PortfolioAlertKind } from '@marketpulse/contracts';
import { money } from '../money/money';

/** What each kind needs: a symbol or not, and a percent threshold at most 100 where it is a fall. */
export function checkAlert(
  kind: PortfolioAlertKind,
  symbol: string | undefined,
  threshold: string,
): string[] {
  const problems: string[] = [];
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
