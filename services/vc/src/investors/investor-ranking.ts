import Decimal from 'decimal.js';
import type { InvestorRankingMetric } from '@marketpulse/contracts';

export interface Participation {
  investorId: string;
  name: string;
  roundId: string;
  isLead: boolean;
  /** The round's amount in the reporting currency, or undefined when it could not be converted. */
  roundAmount?: Decimal;
  /** How many investors the round had. */
  participants: number;
}

export interface RankedInvestor {
  rank: number;
  investorId: string;
  name: string;
  deals: number;
  leads: number;
  capital: Decimal;
}

/**
 * Ranks investors by deal count, lead count or capital deployed. Round line-ups rarely say who put in how
 * much, so a round's amount is split evenly among its investors. Ties share a rank (1, 2, 2, 4) and are
 * listed by name.
 */
export function rankInvestors(
  participations: readonly Participation[],
  metric: InvestorRankingMetric,
  limit: number,
): RankedInvestor[] {
  const totals = new Map<string, Omit<RankedInvestor, 'rank'>>();
  for (const entry of participations) {
    const total = totals.get(entry.investorId) ?? {
      investorId: entry.investorId,
      name: entry.name,
      deals: 0,
      leads: 0,
      capital: new Decimal(0),
    };
    total.deals++;
    if (entry.isLead) total.leads++;
    if (entry.roundAmount) total.capital = total.capital.plus(entry.roundAmount.div(entry.participants));
    totals.set(entry.investorId, total);
  }
  const score = (entry: Omit<RankedInvestor, 'rank'>): Decimal =>
    metric === 'capital' ? entry.capital : new Decimal(metric === 'deals' ? entry.deals : entry.leads);
  const sorted = [...totals.values()]
    .filter((entry) => score(entry).greaterThan(0))
    .sort((a, b) => score(b).comparedTo(score(a)) || a.name.localeCompare(b.name));
  const ranked: RankedInvestor[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && score(sorted[index - 1]).equals(score(entry)) ? previous.rank : index + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked.slice(0, limit);
}
