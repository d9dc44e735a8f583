import { ACQUISITION_STATUSES, FUNDING_STAGES, IPO_STAGES, SYMBOL_PATTERN } from '@marketpulse/contracts';
import type { AcquisitionStatus, FundingStage, IpoStage } from '@marketpulse/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  Amount,
  EmptyAsMissing,
  IsCurrencyCode,
  IsIsoDay,
  IsSlug,
  OptionalAmount,
  SLUG,
} from './dataset-fields';

export const INVESTOR_KINDS = ['vc', 'cvc', 'angel', 'pe', 'sovereign'] as const;
export const COMPANY_STATUSES = ['private', 'acquired', 'public', 'closed'] as const;
export const VALUATION_BASES = ['round', 'secondary', 'ipo', 'mark'] as const;
export const FUND_FLOW_KINDS = ['commitment', 'call', 'distribution', 'nav'] as const;
export type FundFlowKind = (typeof FUND_FLOW_KINDS)[number];

const COUNTRY = /^[A-Z]{2}$/;

export class InvestorRow {
  @IsSlug('id')
  id: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(INVESTOR_KINDS, { message: `kind must be one of ${INVESTOR_KINDS.join(', ')}` })
  kind: (typeof INVESTOR_KINDS)[number];

  @Matches(COUNTRY, { message: 'country must be an ISO 3166 code such as US' })
  country: string;

  @OptionalAmount()
  aum?: string;

  @EmptyAsMissing()
  @IsOptional()
  @IsCurrencyCode()
  aumCurrency?: string;
}

export class CompanyRow {
  @IsSlug('id')
  id: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsSlug('sector')
  sector: string;

  @IsSlug('subSector')
  subSector: string;

  @Matches(COUNTRY, { message: 'country must be an ISO 3166 code such as US' })
  country: string;

  @Type(() => Number)
  @IsInt({ message: 'foundedYear must be a whole year such as 2019' })
  @Min(1800)
  @Max(2100)
  foundedYear: number;

  @IsIn(COMPANY_STATUSES, { message: `status must be one of ${COMPANY_STATUSES.join(', ')}` })
  status: (typeof COMPANY_STATUSES)[number];
}

export class RoundRow {
  @IsSlug('companyId')
  companyId: string;

  @IsIn(FUNDING_STAGES, { message: `stage must be one of ${FUNDING_STAGES.join(', ')}` })
  stage: FundingStage;

  @IsIsoDay()
  announcedOn: string;

  @Amount({ positive: true })
  amount: string;

  @IsCurrencyCode()
  currency: string;

  @OptionalAmount()
  preMoney?: string;

  @OptionalAmount()
  postMoney?: string;

  @EmptyAsMissing()
  @IsOptional()
  @IsSlug('leadInvestorId')
  leadInvestorId?: string;

  /** In CSV: the ids separated by `;`. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(';')
          .map((id) => id.trim())
          .filter((id) => id !== '')
      : value,
  )
  @IsArray({ message: 'investorIds must be a list of investor ids' })
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: 'investorIds must be slugs separated by ;' })
  investorIds: string[] = [];
}

export class AcquisitionRow {
  @IsString()
  @Length(1, 200)
  acquirer: string;

  @IsSlug('targetCompanyId')
  targetCompanyId: string;

  @IsIsoDay()
  announcedOn: string;

  @OptionalAmount()
  price?: string;

  @EmptyAsMissing()
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @IsIn(ACQUISITION_STATUSES, { message: `status must be one of ${ACQUISITION_STATUSES.join(', ')}` })
  status: AcquisitionStatus;
}

export class ValuationRow {
  @IsSlug('companyId')
  companyId: string;

  @IsIsoDay()
  valuedOn: string;

  @Amount({ positive: true })
  valuation: string;

  @IsCurrencyCode()
  currency: string;

  @IsIn(VALUATION_BASES, { message: `basis must be one of ${VALUATION_BASES.join(', ')}` })
  basis: (typeof VALUATION_BASES)[number];
}

export class IpoRow {
  @IsSlug('companyId')
  companyId: string;

  @IsIn(IPO_STAGES, { message: `stage must be one of ${IPO_STAGES.join(', ')}` })
  stage: IpoStage;

  @EmptyAsMissing()
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: 'exchange must be an upper-case code such as NASDAQ' })
  exchange?: string;

  @EmptyAsMissing()
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'ticker must be upper-case letters, digits, _ or -' })
  ticker?: string;

  @EmptyAsMissing()
  @IsOptional()
  @IsIsoDay()
  expectedOn?: string;

  @OptionalAmount()
  valuation?: string;

  @OptionalAmount({ places: 4 })
  price?: string;

  @IsCurrencyCode()
  currency: string;
}

export class FundRow {
  @IsSlug('id')
  id: string;

  @IsString()
  @Length(1, 200)
  name: string;

  @IsSlug('managerId')
  managerId: string;

  @Type(() => Number)
  @IsInt({ message: 'vintage must be a whole year such as 2018' })
  @Min(1950)
  @Max(2100)
  vintage: number;

  @Amount({ positive: true })
  size: string;

  @IsCurrencyCode()
  currency: string;

  @IsSlug('strategy')
  strategy: string;
}

export class FundFlowRow {
  @IsSlug('fundId')
  fundId: string;

  @IsIn(FUND_FLOW_KINDS, { message: `kind must be one of ${FUND_FLOW_KINDS.join(', ')}` })
  kind: FundFlowKind;

  @IsIsoDay()
  date: string;

  /** In the fund's currency; a NAV may be zero, every other flow is positive. */
  @Amount()
  amount: string;

  /** The limited partner of a commitment; empty for the other kinds. */
  @EmptyAsMissing()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  lp?: string;
}
