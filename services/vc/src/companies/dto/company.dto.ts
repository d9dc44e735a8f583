import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsIsoDay, SLUG } from '../../dataset/dataset-fields';
import { COMPANY_STATUSES, VALUATION_BASES } from '../../dataset/dataset-rows';
import { RoundDto } from '../../rounds/dto/round.dto';

export class CompanyDto {
  @ApiProperty({ example: 'helio-robotics' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  sector: string;

  @ApiProperty()
  subSector: string;

  @ApiProperty()
  country: string;

  @ApiProperty()
  foundedYear: number;

  @ApiProperty({ enum: COMPANY_STATUSES })
  status: string;

  @ApiProperty()
  source: string;

  @ApiProperty()
  importedAt: string;
}

export class CompanyRoundDto extends RoundDto {
  @ApiPropertyOptional({
    example: '2.40',
    description: "Pre-money over the previous round's post-money (same currency only)",
  })
  stepUp?: string;
}

export class ValuationDto {
  @ApiProperty({ example: '2025-03-14' })
  valuedOn: string;

  @ApiProperty({ enum: ['round', 'secondary', 'ipo', 'mark'] })
  basis: string;

  @ApiProperty({ example: '90000000.00' })
  valuation: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty()
  source: string;
}

export class CompanyValuationDto extends ValuationDto {
  @ApiProperty()
  companyId: string;

  @ApiProperty()
  companyName: string;

  @ApiProperty()
  sector: string;
}

export class ValuationsQuery {
  @ApiPropertyOptional({ example: 'ai' })
  @IsOptional()
  @Matches(SLUG, { message: 'sector must be a slug such as ai' })
  sector?: string;

  @ApiPropertyOptional({ enum: VALUATION_BASES })
  @IsOptional()
  @IsIn(VALUATION_BASES, { message: `basis must be one of ${VALUATION_BASES.join(', ')}` })
  basis?: string;

  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsIsoDay()
  to?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CompanyDetailDto extends CompanyDto {
  @ApiProperty({ type: [CompanyRoundDto], description: 'Oldest first' })
  rounds: CompanyRoundDto[];

  @ApiProperty({ type: [ValuationDto], description: 'Oldest first' })
  valuations: ValuationDto[];
}

export class CompaniesQuery {
  @ApiPropertyOptional({ example: 'ai' })
  @IsOptional()
  @Matches(SLUG, { message: 'sector must be a slug such as ai' })
  sector?: string;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES })
  @IsOptional()
  @IsIn(COMPANY_STATUSES, { message: `status must be one of ${COMPANY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
