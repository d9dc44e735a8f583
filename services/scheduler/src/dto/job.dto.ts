import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class JobRunDto {
  @ApiProperty() id: string;
  @ApiProperty() job: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiPropertyOptional({ format: 'date-time' }) firedAt: string | null;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger: string;
  @ApiProperty({ enum: ['fired', 'completed', 'failed', 'skipped'] }) status: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt: string | null;
  @ApiPropertyOptional() durationMs: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<
    string,
    number
  > | null;
  @ApiPropertyOptional() error: string | null;
  @ApiPropertyOptional() instance: string | null;
}

export class JobDto {
  @ApiProperty({ example: 'market-data.refresh-prices' }) name: string;
  @ApiProperty() service: string;
  @ApiProperty() job: string;
  @ApiProperty({ description: 'Six-field cron, UTC', example: '*/5 * * * * *' }) schedule: string;
  @ApiProperty({ description: 'Weekdays only' }) marketHours: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ format: 'date-time' }) nextRunAt: string | null;
  @ApiPropertyOptional({ type: JobRunDto }) lastRun: JobRunDto | null;
  @ApiPropertyOptional() lastStatus: string | null;
  @ApiProperty() consecutiveFailures: number;
}

export class RunNowResponseDto {
  @ApiProperty() runId: string;
  @ApiProperty() job: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ example: 'tick.market-data.refresh-prices' }) subject: string;
}

export class RunsQueryDto {
  @ApiPropertyOptional({ default: 20, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit?: number;
}
