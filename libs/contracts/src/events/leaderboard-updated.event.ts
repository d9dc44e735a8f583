// @Type (nested payload classes) reads design-time metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsUserId } from '../identifiers';

export const LEADERBOARD_PERIODS = ['all-time', 'monthly', 'weekly'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];
export const LEADERBOARD_METRICS = ['accuracy', 'correct', 'streak'] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export class LeaderboardEntryV1 {
  @IsInt()
  @Min(1)
  rank: number;

  @IsUserId()
  userId: string;

  @IsInt()
  @Min(0)
  participations: number;

  @IsInt()
  @Min(0)
  correct: number;

  /** Percent, 2 places. */
  @IsDecimalString()
  accuracy: string;

  @IsInt()
  @Min(0)
  maxStreak: number;
}

/** A leaderboard was recomputed; carries its top entries (the full board is on the HTTP API). */
export class LeaderboardUpdatedV1 {
  @IsIn(LEADERBOARD_PERIODS)
  period: LeaderboardPeriod;

  @IsIn(LEADERBOARD_METRICS)
  metric: LeaderboardMetric;

  /** Start of the month or ISO week (UTC); absent for all-time. */
  @IsOptional()
  @IsISO8601({ strict: true })
  periodStart?: string;

  @IsISO8601({ strict: true })
  computedAt: string;

  @IsInt()
  @Min(0)
  rankedUsers: number;

  @ValidateNested({ each: true })
  @Type(() => LeaderboardEntryV1)
  @ArrayMaxSize(100)
  top: LeaderboardEntryV1[];
}

export const LeaderboardUpdated = defineEvent<LeaderboardUpdatedV1>({
  type: 'leaderboard.updated',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'leaderboard.updated.*.*',
  subject: (p) => `leaderboard.updated.${p.period}.${p.metric}`,
  payload: LeaderboardUpdatedV1,
  summary:
    'A leaderboard (all-time, monthly or weekly; by accuracy, correct calls or streak) was recomputed.',
  example: {
    period: 'monthly',
    metric: 'accuracy',
    periodStart: '2026-11-01T00:00:00.000Z',
    computedAt: '2026-11-24T10:00:00.000Z',
    rankedUsers: 1840,
    top: [{ rank: 1, userId: 'user-7', participations: 25, correct: 21, accuracy: '84.00', maxStreak: 9 }],
  },
});
