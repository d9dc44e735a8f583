import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACQUISITION_STATUSES } from '@marketpulse/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDay } from '../../dataset/dataset-fields';

export class AcquisitionDto {
  @ApiProperty({ example: 'quanta-bio/2026-02-03' })
  id: string;

  @ApiProperty()
  acquirer: string;

  @ApiProperty()
  targetCompanyId: string;

  @ApiProperty()
  targetName: string;

  @ApiProperty()
  sector: string;

  @ApiProperty({ example: '2026-02-03' })
  announcedOn: string;

  @ApiPropertyOptional({ example: '420000000.00', description: 'Absent when not disclosed' })
  price?: string;

  @ApiPropertyOptional({ example: 'USD' })
  currency?: string;

  @ApiProperty({ enum: ACQUISITION_STATUSES })
  status: string;

  @ApiProperty()
  source: string;
}

export class ExitDto {
  @ApiProperty({ enum: ['acquisition', 'ipo'] })
  type: 'acquisition' | 'ipo';

  @ApiProperty()
  companyId: string;

  @ApiProperty()
  companyName: string;

  @ApiProperty({ example: '2026-05-11' })
  date: string;

  @ApiProperty({ example: 'Globex Systems', description: 'The acquirer, or the exchange of a listing' })
  via: string;

  @ApiPropertyOptional({ example: '620000000.00', description: 'Deal price, or valuation at listing' })
  value?: string;

  @ApiPropertyOptional({ example: 'USD' })
  currency?: string;
}

export class ExitsQuery {
  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsIsoDay()
  to?: string;
}

export class AcquisitionsQuery extends ExitsQuery {
  @ApiPropertyOptional({ enum: ACQUISITION_STATUSES })
  @IsOptional()
  @IsIn(ACQUISITION_STATUSES, { message: `status must be one of ${ACQUISITION_STATUSES.join(', ')}` })
  status?: string;
}
