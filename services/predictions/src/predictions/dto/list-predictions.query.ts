import { ApiPropertyOptional } from '@nestjs/swagger';
import { SYMBOL_PATTERN } from '@marketpulse/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PREDICTION_STATUSES, type PredictionStatus } from './prediction.dto';

export class ListPredictionsQuery {
  @ApiPropertyOptional({
    enum: PREDICTION_STATUSES,
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value))
  @IsIn(PREDICTION_STATUSES, {
    each: true,
    message: `status must be one of ${PREDICTION_STATUSES.join(', ')}`,
  })
  status?: PredictionStatus[];

  @ApiPropertyOptional({ example: 'XAUUSD' })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a catalogue symbol such as XAUUSD' })
  symbol?: string;

  @ApiPropertyOptional({
    description: 'Only open predictions whose voting closes within this many minutes, soonest first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(525600)
  closingWithinMinutes?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
