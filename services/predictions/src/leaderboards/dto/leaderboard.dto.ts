import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEADERBOARD_METRICS,
  LEADERBOARD_PERIODS,
  type LeaderboardMetric,
  type LeaderboardPeriod,
} from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class LeaderboardParams {
  @ApiProperty({ enum: LEADERBOARD_PERIODS })
  @IsIn(LEADERBOARD_PERIODS, { message: `period must be one of ${LEADERBOARD_PERIODS.join(', ')}` })
  period: LeaderboardPeriod;

  @ApiProperty({ enum: LEADERBOARD_METRICS })
  @IsIn(LEADERBOARD_METRICS, { message: `metric must be one of ${LEADERBOARD_METRICS.join(', ')}` })
  metric: LeaderboardMetric;
}

export class LeaderboardQuery {
  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class LeaderboardEntryDto {
  @ApiProperty() rank: number;
  @ApiProperty() userId: string;
  @ApiProperty() participations: number;
  @ApiProperty() correct: number;
  @ApiProperty({ example: '84.00' }) accuracy: string;
  @ApiProperty() maxStreak: number;
}

export class LeaderboardDto {
  @ApiProperty({ enum: LEADERBOARD_PERIODS }) period: LeaderboardPeriod;
  @ApiProperty({ enum: LEADERBOARD_METRICS }) metric: LeaderboardMetric;
  @ApiPropertyOptional() periodStart?: string;
  @ApiPropertyOptional({ description: 'Absent until the first hourly refresh' }) computedAt?: string;
  @ApiProperty({ type: [LeaderboardEntryDto] }) entries: LeaderboardEntryDto[];
}
