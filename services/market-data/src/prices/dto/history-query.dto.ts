import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601 start (inclusive); default 24 h before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time such as 2026-11-23T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 end (inclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time such as 2026-11-23T12:00:00Z' })
  to?: string;

  @ApiPropertyOptional({ description: 'Most points returned (oldest first)', default: 1000, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 10000' })
  @Max(10000, { message: 'limit must be between 1 and 10000' })
  limit?: number;
}

export class LatestQueryDto {
  @ApiPropertyOptional({ description: 'Only this category, e.g. precious-metal, fx, crypto, stock' })
  @IsOptional()
  category?: string;
}
