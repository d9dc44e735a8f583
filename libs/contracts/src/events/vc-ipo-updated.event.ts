import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';
import { IPO_STAGES, type IpoStage } from './vc-stage';

/**
 * A company entered the IPO pipeline or moved along it. When `toStage` is `listed` the ticker and the
 * IPO price are set: market-data starts tracking the ticker from it.
 */
export class VcIpoUpdatedV1 {
  @IsString()
  @Length(1, 100)
  companyId: string;

  @IsString()
  @Length(1, 200)
  companyName: string;

  /** Absent when the company just entered the pipeline. */
  @IsOptional()
  @IsIn(IPO_STAGES)
  fromStage?: IpoStage;

  @IsIn(IPO_STAGES)
  toStage: IpoStage;

  /** Exchange code, e.g. NASDAQ, NYSE, LSE. */
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: 'exchange must be an upper-case code such as NASDAQ' })
  exchange?: string;

  @IsOptional()
  @IsSymbol()
  ticker?: string;

  /** Price per share once priced. */
  @IsOptional()
  @IsDecimalString({ positive: true })
  price?: string;

  @IsOptional()
  @IsDecimalString({ positive: true })
  valuation?: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  expectedOn?: string;

  @IsISO8601({ strict: true })
  changedAt: string;

  @IsString()
  source: string;
}

export const VcIpoUpdated = defineEvent<VcIpoUpdatedV1>({
  type: 'vc.ipo.updated',
  version: 1,
  stream: 'VC',
  subjectPattern: 'vc.ipo.updated',
  subject: () => 'vc.ipo.updated',
  payload: VcIpoUpdatedV1,
  summary: 'A company entered the IPO pipeline or moved from one stage to another.',
  example: {
    companyId: 'helio-robotics',
    companyName: 'Helio Robotics',
    fromStage: 'priced',
    toStage: 'listed',
    exchange: 'NASDAQ',
    ticker: 'HELO',
    price: '24.00',
    valuation: '3100000000.00',
    currency: 'USD',
    expectedOn: '2026-11-20',
    changedAt: '2026-11-20T14:30:00.000Z',
    source: 'api',
  },
});
