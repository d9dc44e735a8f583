import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { FxRatesRepository } from '../fx/fx-rates.repository';
import { VcConfig } from '../vc.config';
import { convertAmounts } from './converted-amounts';
import type { SummaryDto } from './dto/summary.dto';
import { CONVERSION_METHOD } from './landscape.service';

@Injectable()
export class SummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fx: FxRatesRepository,
    private readonly config: VcConfig,
  ) {}

  async summary(currency = this.config.VC_REPORTING_CURRENCY): Promise<SummaryDto> {
    const [statuses, stages, counts, perCurrency, converter] = await Promise.all([
      this.dataSource.query(`SELECT status AS key, count(*)::int AS n FROM companies GROUP BY status`),
      this.dataSource.query(`SELECT stage AS key, count(*)::int AS n FROM ipos GROUP BY stage`),
      this.dataSource.query(
        `SELECT (SELECT count(*) FROM investors)::int AS investors,
                (SELECT count(*) FROM funding_rounds)::int AS rounds,
                (SELECT count(*) FROM acquisitions)::int AS acquisitions,
                (SELECT count(*) FROM funds)::int AS funds,
                (SELECT to_char(max(announced_on), 'YYYY-MM-DD') FROM funding_rounds) AS latest_round_on`,
      ) as Promise<
        {
          investors: number;
          rounds: number;
          acquisitions: number;
          funds: number;
          latest_round_on: string | null;
        }[]
      >,
      this.dataSource.query(
        `SELECT currency, count(*)::int AS rounds, sum(amount)::text AS total FROM funding_rounds
          GROUP BY currency ORDER BY currency`,
      ) as Promise<{ currency: string; rounds: number; total: string }[]>,
      this.fx.converter(),
    ]);
    const toMap = (rows: { key: string; n: number }[]) =>
      Object.fromEntries(rows.map((row) => [row.key, row.n]));
    // Per-currency totals are converted as wholes: the same result as converting each round, in fewer steps.
    const { converted, unconverted } = convertAmounts(
      perCurrency,
      (row) => ({ amount: row.total, currency: row.currency }),
      converter,
      currency,
    );
    const ratesAsOf = converter.oldestAsOf();
    const [count] = counts;
    return {
      companiesByStatus: toMap(statuses as { key: string; n: number }[]),
      investors: count.investors,
      rounds: count.rounds,
      acquisitions: count.acquisitions,
      funds: count.funds,
      iposByStage: toMap(stages as { key: string; n: number }[]),
      ...(count.latest_round_on ? { latestRoundOn: count.latest_round_on } : {}),
      raisedByCurrency: perCurrency.map((row) => ({
        currency: row.currency,
        rounds: row.rounds,
        total: new Decimal(row.total).toFixed(2),
      })),
      raisedTotal: converted.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0)).toFixed(2),
      currency: {
        currency,
        method: CONVERSION_METHOD,
        ...(ratesAsOf ? { ratesAsOf: ratesAsOf.toISOString() } : {}),
        unconverted: unconverted.map((entry) => ({
          ...entry,
          count: perCurrency.find((row) => row.currency === entry.currency)?.rounds ?? entry.count,
        })),
      },
    };
  }
}
