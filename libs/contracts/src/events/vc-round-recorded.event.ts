import { IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { FUNDING_STAGES, type FundingStage } from './vc-stage';

/** A funding round that is new to the VC service or whose figures changed (sync or import). */
export class VcRoundRecordedV1 {
  /** Natural key: company, stage and announcement date, e.g. `helio-robotics/series-a/2025-03-14`. */
  @IsString()
  @Length(1, 200)
  roundId: string;

  @IsString()
  @Length(1, 100)
  companyId: string;

  @IsString()
  @Length(1, 200)
  companyName: string;

  @IsString()
  sector: string;

  @IsIn(FUNDING_STAGES)
  stage: FundingStage;

  @IsISO8601({ strict: true })
  announcedOn: string;

  @IsDecimalString({ positive: true })
  amount: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  @IsOptional()
  @IsDecimalString({ positive: true })
  postMoney?: string;

  @IsOptional()
  @IsString()
  leadInvestorId?: string;

  @IsArray()
  @IsString({ each: true })
  investorIds: string[];

  /** `created` the first time, `changed` when a re-import altered its figures. */
  @IsIn(['created', 'changed'])
  change: 'created' | 'changed';

  @IsString()
  source: string;
}

export const VcRoundRecorded = defineEvent<VcRoundRecordedV1>({
  type: 'vc.round.recorded',
  version: 1,
  stream: 'VC',
  subjectPattern: 'vc.round.recorded',
  subject: () => 'vc.round.recorded',
  payload: VcRoundRecordedV1,
  summary: 'A funding round was recorded (new) or its figures changed.',
  example: {
    roundId: 'helio-robotics/series-a/2025-03-14',
    companyId: 'helio-robotics',
    companyName: 'Helio Robotics',
    sector: 'robotics',
    stage: 'series-a',
    announcedOn: '2025-03-14',
    amount: '18000000.00',
    currency: 'USD',
    postMoney: '90000000.00',
    leadInvestorId: 'northwind-ventures',
    investorIds: ['northwind-ventures', 'alder-capital'],
    change: 'created',
    source: 'bundled',
  },
});
