import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IPO_STAGES, SYMBOL_PATTERN, type IpoStage } from '@marketpulse/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCurrencyCode, IsIsoDay, OptionalAmount } from '../../dataset/dataset-fields';

export class IpoTransitionDto {
  @ApiPropertyOptional({ enum: IPO_STAGES })
  fromStage?: string;

  @ApiProperty({ enum: IPO_STAGES })
  toStage: string;

  @ApiProperty()
  changedAt: string;

  @ApiProperty()
  source: string;
}

export class IpoDto {
  @ApiProperty()
  companyId: string;

  @ApiProperty()
  companyName: string;

  @ApiProperty()
  sector: string;

  @ApiProperty({ enum: IPO_STAGES })
  stage: IpoStage;

  @ApiProperty({ enum: IPO_STAGES, isArray: true, description: 'Where it may move next' })
  allowedNext: IpoStage[];

  @ApiPropertyOptional({ example: 'NASDAQ' })
  exchange?: string;

  @ApiPropertyOptional({ example: 'HELO' })
  ticker?: string;

  @ApiPropertyOptional({ example: '2027-01-20' })
  expectedOn?: string;

  @ApiPropertyOptional({ example: '3100000000.00' })
  valuation?: string;

  @ApiPropertyOptional({ example: '24.0000', description: 'Price per share once priced' })
  price?: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty()
  updatedAt: string;
}

export class IpoDetailDto extends IpoDto {
  @ApiProperty({ type: [IpoTransitionDto] })
  transitions: IpoTransitionDto[];
}

export class IpoStageGroupDto {
  @ApiProperty({ enum: IPO_STAGES })
  stage: IpoStage;

  @ApiProperty()
  count: number;

  @ApiProperty({ type: [IpoDto], description: 'By expected date, soonest first' })
  ipos: IpoDto[];
}

export class AdvanceIpoDto {
  @ApiProperty({ enum: IPO_STAGES, description: 'The stage to move to' })
  @IsIn(IPO_STAGES, { message: `to must be one of ${IPO_STAGES.join(', ')}` })
  to: IpoStage;

  @ApiPropertyOptional({ example: 'NASDAQ' })
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: 'exchange must be an upper-case code such as NASDAQ' })
  exchange?: string;

  @ApiPropertyOptional({ example: 'HELO' })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'ticker must be upper-case letters, digits, _ or -' })
  ticker?: string;

  @ApiPropertyOptional({ example: '2027-01-20' })
  @IsOptional()
  @IsIsoDay()
  expectedOn?: string;

  @ApiPropertyOptional({ example: '3100000000.00' })
  @OptionalAmount()
  valuation?: string;

  @ApiPropertyOptional({ example: '24.00' })
  @OptionalAmount({ places: 4 })
  price?: string;

  @ApiPropertyOptional({ example: 'USD' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}
