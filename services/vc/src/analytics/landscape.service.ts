import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { FxRatesRepository } from '../fx/fx-rates.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { VcConfig } from '../vc.config';
import { convertAmounts } from './converted-amounts';
import { distribution } from './distribution';
import type { LandscapeDto, LandscapeGroupDto, LandscapeQuery } from './dto/landscape.dto';
import { changePercent, previousQuarter, quarterOf } from './quarters';

export const CONVERSION_METHOD = 'converted at the latest fx.rate.updated rates';

/** Rounds grouped by sector or stage, in one currency, with the last complete quarter against the one before. */
@Injectable()
export class LandscapeService {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly fx: FxRatesRepository,
    private readonly config: VcConfig,
  ) {}

  async landscape(query: LandscapeQuery, today = new Date()): Promise<LandscapeDto> {
    const by = query.by ?? 'sector';
    const currency = query.currency ?? this.config.VC_REPORTING_CURRENCY;
    const to = query.to ?? today.toISOString().slice(0, 10);
    const [rounds, converter] = await Promise.all([
      this.rounds.find({ from: query.from, to }),
      this.fx.converter(),
    ]);
    const { converted, unconverted } = convertAmounts(rounds, (round) => round, converter, currency);
    const last = previousQuarter(quarterOf(to));
    const before = previousQuarter(last);
    const groups = new Map<string, { amount: Decimal; quarter: string }[]>();
    for (const { item, amount } of converted) {
      const key = by === 'sector' ? item.sector : item.stage;
      const list = groups.get(key) ?? [];
      list.push({ amount, quarter: quarterOf(item.announcedOn) });
      groups.set(key, list);
    }
    const period = (entries: { amount: Decimal; quarter: string }[], quarter: string) => {
      const inQuarter = entries.filter((entry) => entry.quarter === quarter);
      return {
        quarter,
        count: inQuarter.length,
        total: inQuarter.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0)).toFixed(2),
      };
    };
    const result: LandscapeGroupDto[] = [...groups.entries()].map(([key, entries]) => {
      const stats = distribution(entries.map((entry) => entry.amount));
      const lastQuarter = period(entries, last);
      const previous = period(entries, before);
      const countChange = changePercent(previous.count, lastQuarter.count);
      const totalChange = changePercent(previous.total, lastQuarter.total);
      return {
        key,
        count: stats.count,
        total: stats.total.toFixed(2),
        ...(stats.median ? { median: stats.median.toFixed(2) } : {}),
        ...(stats.mean ? { mean: stats.mean.toFixed(2) } : {}),
        lastQuarter,
        previousQuarter: previous,
        ...(countChange ? { countChangePercent: countChange } : {}),
        ...(totalChange ? { totalChangePercent: totalChange } : {}),
      };
    });
    result.sort((a, b) => new Decimal(b.total).comparedTo(a.total) || a.key.localeCompare(b.key));
    const ratesAsOf = converter.oldestAsOf();
    return {
      by,
      currency: {
        currency,
        method: CONVERSION_METHOD,
        ...(ratesAsOf ? { ratesAsOf: ratesAsOf.toISOString() } : {}),
        unconverted,
      },
      groups: result,
    };
  }
}
