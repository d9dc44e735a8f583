import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PREDICTION_MODES, SYMBOL_PATTERN, type PredictionMode } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class PredictionOptionInput {
  @ApiProperty({ example: 'Up to +1 %' })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiPropertyOptional({
    description:
      'Auto-verify condition over price_change_percent, price, price_at_create (required in auto mode)',
    example: 'price_change_percent >= 0 AND price_change_percent < 1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  condition?: string;
}

export class CreatePredictionDto {
  @ApiProperty({ example: 'XAUUSD' })
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a catalogue symbol such as XAUUSD' })
  symbol: string;

  @ApiProperty({ example: 'Where will gold be tomorrow at 16:00 UTC?' })
  @IsString()
  @Length(3, 300)
  question: string;

  @ApiPropertyOptional({ enum: PREDICTION_MODES, default: 'auto' })
  @IsOptional()
  @IsIn(PREDICTION_MODES)
  mode?: PredictionMode;

  @ApiProperty({ type: [PredictionOptionInput], minItems: 2, maxItems: 6 })
  @IsArray()
  @ArrayMinSize(2, { message: 'a prediction needs 2 to 6 options' })
  @ArrayMaxSize(6, { message: 'a prediction needs 2 to 6 options' })
  @ValidateNested({ each: true })
  @Type(() => PredictionOptionInput)
  options: PredictionOptionInput[];

  @ApiProperty({ example: '2026-11-26T09:00:00Z', description: 'Voting closes at this instant' })
  @IsISO8601({ strict: true }, { message: 'votingDeadline must be an ISO-8601 instant' })
  votingDeadline: string;

  @ApiProperty({
    example: '2026-11-26T16:00:00Z',
    description: 'The outcome is read from the price at this instant',
  })
  @IsISO8601({ strict: true }, { message: 'verifyAt must be an ISO-8601 instant' })
  verifyAt: string;
}
