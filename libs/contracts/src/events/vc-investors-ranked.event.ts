// @Type (nested payload classes) reads design-time metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';

export const INVESTOR_RANKING_METRICS = ['deals', 'leads', 'capital'] as const;
export type InvestorRankingMetric = (typeof INVESTOR_RANKING_METRICS)[number];

export class RankedInvestorV1 {
  @IsInt()
  @Min(1)
  rank: number;

  @IsString()
  investorId: string;

  @IsString()
  name: string;

  @IsInt()
  @Min(0)
  deals: number;

  @IsInt()
  @Min(0)
  leads: number;

  /** Capital deployed in `currency`: each round's amount split evenly among its investors. */
  @IsDecimalString()
  capital: string;
}

/** The weekly ranking of investors over a trailing window, one metric per event. */
export class VcInvestorsRankedV1 {
  @IsIn(INVESTOR_RANKING_METRICS)
  metric: InvestorRankingMetric;

  @IsISO8601({ strict: true })
  windowFrom: string;

  @IsISO8601({ strict: true })
  windowTo: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  @ValidateNested({ each: true })
  @Type(() => RankedInvestorV1)
  @ArrayMaxSize(100)
  entries: RankedInvestorV1[];
}

export const VcInvestorsRanked = defineEvent<VcInvestorsRankedV1>({
  type: 'vc.investors.ranked',
  version: 1,
  stream: 'VC',
  subjectPattern: 'vc.investors.ranked.*',
  subject: (p) => `vc.investors.ranked.${p.metric}`,
  payload: VcInvestorsRankedV1,
  summary: 'Investors ranked by deal count, lead count or capital deployed over a trailing window.',
  example: {
    metric: 'deals',
    windowFrom: '2025-11-24',
    windowTo: '2026-11-23',
    currency: 'USD',
    entries: [
      {
        rank: 1,
        investorId: 'northwind-ventures',
        name: 'Northwind Ventures',
        deals: 14,
        leads: 6,
        capital: '152000000.00',
      },
    ],
  },
});
