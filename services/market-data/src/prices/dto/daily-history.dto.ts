import { ApiProperty } from '@nestjs/swagger';

export class DailyBarDto {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'UTC calendar day' })
  date: string;

  @ApiProperty({ example: '4210.50' })
  open: string;

  @ApiProperty({ example: '4250.10' })
  high: string;

  @ApiProperty({ example: '4198.00' })
  low: string;

  @ApiProperty({ example: '4228.00' })
  close: string;

  @ApiProperty({
    example: 'eia',
    description: '`eia` (real), `bridged-monthly-average`, `simulated-history`',
  })
  source: string;

  @ApiProperty({ description: 'Generated, not a market observation' })
  synthetic: boolean;
}

export class DailyHistoryDto {
  @ApiProperty({ example: 'BRENT' })
  symbol: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ enum: ['1d'] })
  interval: '1d';

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: [DailyBarDto] })
  bars: DailyBarDto[];

  @ApiProperty({ description: 'True when more bars exist in the range than `limit`' })
  truncated: boolean;
}
