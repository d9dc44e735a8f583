import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { COST_METHODS, type CostMethod } from '../../transactions/transaction-types';

const CURRENCY = /^[A-Z]{3}$/;

export class CreatePortfolioDto {
  @ApiProperty({ example: 'Long term' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code; every value is converted to it' })
  @Matches(CURRENCY, { message: 'baseCurrency must be an ISO 4217 code such as EUR' })
  baseCurrency: string;

  @ApiPropertyOptional({ enum: COST_METHODS, default: 'average' })
  @IsOptional()
  @IsIn(COST_METHODS, { message: `costMethod must be one of ${COST_METHODS.join(', ')}` })
  costMethod?: CostMethod;
}

export class UpdatePortfolioDto {
  @ApiPropertyOptional({ example: 'Retirement' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ example: 'USD' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'baseCurrency must be an ISO 4217 code such as EUR' })
  baseCurrency?: string;

  @ApiPropertyOptional({ enum: COST_METHODS })
  @IsOptional()
  @IsIn(COST_METHODS, { message: `costMethod must be one of ${COST_METHODS.join(', ')}` })
  costMethod?: CostMethod;
}

export class PortfolioDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'EUR' })
  baseCurrency: string;

  @ApiProperty({ enum: COST_METHODS })
  costMethod: CostMethod;

  @ApiProperty({ example: '15234.56', description: 'Market value of the holdings in the base currency' })
  value: string;

  @ApiProperty({ description: 'A price or FX rate behind the value is older than the staleness limit' })
  stale: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  valuedAt?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
