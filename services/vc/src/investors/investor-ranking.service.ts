import { BadRequestException, Injectable } from '@nestjs/common';
import {
  INVESTOR_RANKING_METRICS,
  VcInvestorsRanked,
  type InvestorRankingMetric,
} from '@marketpulse/contracts';
import { OutboxPublisher, type JobCounts } from '@marketpulse/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { convertAmounts } from '../analytics/converted-amounts';
import { CONVERSION_METHOD } from '../analytics/landscape.service';
import { FxRatesRepository } from '../fx/fx-rates.repository';
import { VcConfig } from '../vc.config';
import type { InvestorRankingDto } from './dto/investor.dto';
import { rankInvestors, type Participation } from './investor-ranking';

const DAY_MS = 86_400_000;

interface ParticipationRow {
  investor_id: string;
  name: string;
  round_id: string;
  is_lead: boolean;
  amount: string;
  currency: string;
  participants: number;
}

@Injectable()
export class InvestorRankingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fx: FxRatesRepository,
    private readonly outbox: OutboxPublisher,
    private readonly config: VcConfig,
  ) {}

  async ranking(
    options: { by?: InvestorRankingMetric; from?: string; to?: string; currency?: string; limit?: number },
    today = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvestorRankingDto> {
    const to = options.to ?? today.toISOString().slice(0, 10);
    const from =
      options.from ??
      new Date(Date.parse(to) - this.config.VC_RANKING_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new BadRequestException(`from (${from}) must not be after to (${to})`);
    const currency = options.currency ?? this.config.VC_REPORTING_CURRENCY;
    const rows: ParticipationRow[] = await manager.query(
      `SELECT p.investor_id, i.name, p.round_id, p.is_lead, r.amount::text, r.currency,
              cardinality(r.investor_ids) AS participants
         FROM round_participants p
         JOIN funding_rounds r ON r.id = p.round_id
         JOIN investors i ON i.id = p.investor_id
        WHERE r.announced_on BETWEEN $1 AND $2`,
      [from, to],
    );
    const converter = await this.fx.converter();
    // A round is converted, or set apart as unconverted, once: not once per investor in it.
    const rounds = [...new Map(rows.map((row) => [row.round_id, row])).values()];
    const { converted, unconverted } = convertAmounts(rounds, (row) => row, converter, currency);
    const amounts = new Map(converted.map((entry) => [entry.item.round_id, entry.amount]));
    const participations: Participation[] = rows.map((row) => ({
      investorId: row.investor_id,
      name: row.name,
      roundId: row.round_id,
      isLead: row.is_lead,
      roundAmount: amounts.get(row.round_id),
      participants: row.participants,
    }));
    const ratesAsOf = converter.oldestAsOf();
    const by = options.by ?? 'deals';
    return {
      by,
      from,
      to,
      currency: {
        currency,
        method: CONVERSION_METHOD,
        ...(ratesAsOf ? { ratesAsOf: ratesAsOf.toISOString() } : {}),
        unconverted,
      },
      entries: rankInvestors(participations, by, options.limit ?? this.config.VC_RANKING_SIZE).map(
        (entry) => ({
          ...entry,
          capital: entry.capital.toFixed(2),
        }),
      ),
    };
  }

  /** The weekly job: one `vc.investors.ranked.<metric>` per metric, over the window ending on the slot's day. */
  async publish(manager: EntityManager, slot: Date): Promise<JobCounts> {
    const counts: JobCounts = {};
    for (const metric of INVESTOR_RANKING_METRICS) {
      const ranking = await this.ranking({ by: metric }, slot, manager);
      await this.outbox.publishInTransaction(manager, VcInvestorsRanked, {
        metric,
        windowFrom: ranking.from,
        windowTo: ranking.to,
        currency: ranking.currency.currency,
        entries: ranking.entries,
      });
      counts[`${metric}Ranked`] = ranking.entries.length;
    }
    counts.unconvertedCurrencies = (await this.ranking({}, slot, manager)).currency.unconverted.length;
    return counts;
  }
}
