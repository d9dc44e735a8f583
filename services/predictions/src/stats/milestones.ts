import type { Milestone } from '@marketpulse/contracts';

export interface SettledStats {
  participations: number;
  correct: number;
  maxStreak: number;
}

const STREAKS: [number, Milestone][] = [
  [5, 'streak-5'],
  [10, 'streak-10'],
  [25, 'streak-25'],
];

/**
 * The milestones a user's settled stats have reached. Settled stats only ever grow, so a milestone
 * reached is never taken back; the table's key makes each one published once.
 */
export function milestonesReached(stats: SettledStats): Milestone[] {
  const reached: Milestone[] = [];
  if (stats.correct >= 1) reached.push('first-correct');
  for (const [length, milestone] of STREAKS) if (stats.maxStreak >= length) reached.push(milestone);
  if (stats.participations >= 100) reached.push('participations-100');
  return reached;
}
