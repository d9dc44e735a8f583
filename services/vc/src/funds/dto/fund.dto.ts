import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class FigureDto {
  @ApiProperty({ description: 'False when the figure cannot be computed; `reason` then says why' })
  defined: boolean;

  @ApiPropertyOptional({ example: '1.5321', description: 'Decimal string' })
  value?: string;

  @ApiPropertyOptional({ example: 'no capital has been called' })
  reason?: string;
}

export class FundReturnsDto {
  @ApiPropertyOptional({
    example: '2026-09-30',
    description: 'Date of the NAV statement the figures are as of',
  })
  asOf?: string;

  @ApiProperty({ example: '412000000.00', description: 'Capital called, in the fund currency' })
  paidIn: string;

  @ApiProperty({ example: '150000000.00' })
  distributed: string;

  @ApiProperty({ example: '480000000.00', description: 'Latest NAV' })
  nav: string;

  @ApiProperty({ type: FigureDto, description: '(distributions + NAV) / paid-in' })
  tvpi: FigureDto;

  @ApiProperty({ type: FigureDto, description: 'distributions / paid-in' })
  dpi: FigureDto;

  @ApiProperty({ type: FigureDto, description: 'NAV / paid-in' })
  rvpi: FigureDto;

  @ApiProperty({
    type: FigureDto,
    description: 'Net IRR, XIRR with the latest NAV as terminal value (annual rate)',
  })
  irr: FigureDto;

  @ApiProperty({ type: FigureDto, description: 'Kaplan–Schoar PME against the configured index' })
  pme: FigureDto;
}

export class FundDto {
  @ApiProperty({ example: 'northwind-ventures-fund-ii-2016' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  managerId: string;

  @ApiProperty()
  managerName: string;

  @ApiProperty({ example: 2016 })
  vintage: number;

  @ApiProperty({ example: '500000000.00' })
  size: string;

  @ApiProperty({ example: 'USD', description: 'Every amount of the fund is in this currency' })
  currency: string;

  @ApiProperty({ example: 'early-stage' })
  strategy: string;

  @ApiProperty({ example: '500000000.00', description: 'Sum of LP commitments' })
  committed: string;

  @ApiProperty({ type: FundReturnsDto })
  returns: FundReturnsDto;
}

export class FundFlowDto {
  @ApiProperty({ enum: ['call', 'distribution', 'nav'] })
  kind: string;

  @ApiProperty({ example: '2019-03-14' })
  date: string;

  @ApiProperty({ example: '25000000.00' })
  amount: string;
}

export class FundDetailDto extends FundDto {
  @ApiProperty({ type: [FundFlowDto] })
  flows: FundFlowDto[];

  @ApiProperty({ example: 'SPY', description: 'The index the PME compares with' })
  pmeIndex: string;
}

export class QuartilesDto {
  @ApiProperty()
  count: number;

  @ApiPropertyOptional({ example: '1.2100' })
  lowerQuartile?: string;

  @ApiPropertyOptional({ example: '1.6500' })
  median?: string;

  @ApiPropertyOptional({ example: '2.2000' })
  upperQuartile?: string;
}

export class VintageBenchmarkDto {
  @ApiProperty({ example: 2016 })
  vintage: number;

  @ApiProperty()
  funds: number;

  @ApiProperty({ type: QuartilesDto })
  tvpi: QuartilesDto;

  @ApiProperty({ type: QuartilesDto })
  dpi: QuartilesDto;

  @ApiProperty({ type: QuartilesDto, description: 'Over the funds whose IRR is defined' })
  irr: QuartilesDto;
}

export class FundsQuery {
  @ApiPropertyOptional({ example: 2016 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1950)
  @Max(2100)
  vintage?: number;
}
