import { IsIn, IsISO8601 } from 'class-validator';
import { defineEvent } from '../event-contract';
import { IsUserId } from '../identifiers';

export const MILESTONES = [
  'first-correct',
  'streak-5',
  'streak-10',
  'streak-25',
  'participations-100',
  'top-10',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** A user reached an achievement; each one is published at most once per user. */
export class UserMilestoneReachedV1 {
  @IsUserId()
  userId: string;

  @IsIn(MILESTONES)
  milestone: Milestone;

  @IsISO8601({ strict: true })
  reachedAt: string;
}

export const UserMilestoneReached = defineEvent<UserMilestoneReachedV1>({
  type: 'user.milestone.reached',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'user.milestone.reached',
  subject: () => 'user.milestone.reached',
  payload: UserMilestoneReachedV1,
  summary: 'A user reached a milestone (first correct call, a streak of 5/10/25, 100 calls, the top 10).',
  example: { userId: 'user-7', milestone: 'streak-5', reachedAt: '2026-11-24T16:00:03.500Z' },
});
