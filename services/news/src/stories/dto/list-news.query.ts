import { ApiPropertyOptional } from '@nestjs/swagger';
import { NEWS_CATEGORIES, SYMBOL_PATTERN, type NewsCategory } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ListNewsQuery {
  @ApiPropertyOptional({ enum: NEWS_CATEGORIES })
  @IsOptional()
  @IsIn(NEWS_CATEGORIES, { message: `category must be one of ${NEWS_CATEGORIES.join(', ')}` })
  category?: NewsCategory;

  @ApiPropertyOptional({ example: 'XAUUSD' })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a catalogue symbol such as XAUUSD' })
  symbol?: string;

  @ApiPropertyOptional({ example: '2026-11-24T00:00:00Z', description: 'Only stories published at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 instant' })
  since?: string;

  @ApiPropertyOptional({
    example: 'gold "rate cut" -silver',
    description: 'Full-text search (web search syntax: words, "phrases", -exclusions, or)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
