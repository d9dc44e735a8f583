import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ISO_DATE } from '../../transactions/dto/transaction.dto';

export class SnapshotsQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (default: 30 days before `to`)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date such as 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (default: today)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date such as 2026-11-30' })
  to?: string;
}

export class SnapshotHoldingDto {
  @ApiProperty()
  symbol: string;

  @ApiProperty()
  quantity: string;

  @ApiPropertyOptional()
  price?: string;

  @ApiPropertyOptional({ description: 'In the base currency' })
  value?: string;
}

export class SnapshotDto {
  @ApiProperty({ example: '2026-11-23' })
  day: string;

  @ApiProperty({
    example: 'EUR',
    description: 'The base currency when the snapshot was taken: its amounts’ unit',
  })
  baseCurrency: string;

  @ApiProperty({ description: 'Holdings value in baseCurrency' })
  value: string;

  @ApiProperty()
  costBasis: string;

  @ApiProperty()
  cash: string;

  @ApiProperty()
  stale: boolean;

  @ApiProperty({ type: [SnapshotHoldingDto] })
  holdings: SnapshotHoldingDto[];

  @ApiProperty({ format: 'date-time' })
  takenAt: string;
}
