import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DATASET_KINDS, type DatasetKind } from '../../dataset/vc-dataset';

export class ImportKindParams {
  @ApiProperty({ enum: DATASET_KINDS })
  @IsIn(DATASET_KINDS, { message: `kind must be one of ${DATASET_KINDS.join(', ')}` })
  kind: DatasetKind;
}

export class ImportRequestDto {
  @ApiProperty({ enum: ['csv', 'json'] })
  @IsIn(['csv', 'json'], { message: 'format must be csv or json' })
  format: 'csv' | 'json';

  @ApiPropertyOptional({
    description: 'The CSV file (format csv): a header row of field names, one row per line',
    example:
      'companyId,stage,announcedOn,amount,currency,preMoney,postMoney,leadInvestorId,investorIds\n' +
      'helio-ai,seed,2026-03-02,3000000.00,USD,12000000.00,15000000.00,northwind-ventures,northwind-ventures;alder-capital',
  })
  @ValidateIf((body: ImportRequestDto) => body.format === 'csv')
  @IsString({ message: 'content must hold the CSV text when format is csv' })
  @MaxLength(5_000_000)
  content?: string;

  @ApiPropertyOptional({ description: 'The rows (format json)', type: 'array', items: { type: 'object' } })
  @ValidateIf((body: ImportRequestDto) => body.format === 'json')
  @IsArray({ message: 'rows must be an array of row objects when format is json' })
  rows?: unknown[];

  @ApiPropertyOptional({
    example: 'partner-export-2026-11',
    description: "Kept as each row's source (default import)",
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9:._-]{0,90}$/, { message: 'source must be a short lower-case label' })
  source?: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'CSV: file line (header = 1); JSON: 1-based item' })
  line: number;

  @ApiProperty({ type: [String] })
  errors: string[];
}

export class ImportResultDto {
  @ApiProperty({ enum: DATASET_KINDS })
  kind: DatasetKind;

  @ApiProperty()
  rows: number;

  @ApiProperty({ example: { roundsInserted: 3, roundsChanged: 0, roundsUnchanged: 1 } })
  counts: Record<string, number>;

  @ApiProperty({ example: 'import' })
  source: string;
}
