import type { LeaderboardPeriod } from '@marketpulse/contracts';

/** Where a leaderboard period starts (UTC): the 1st of the month, Monday of the ISO week, or never. */
export function periodStart(period: LeaderboardPeriod, now: Date): Date | undefined {
  switch (period) {
    case 'all-time':
      return undefined;
    case 'monthly':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    case 'weekly': {
      const daysSinceMonday = (now.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysSinceMonday));
    }
  }
}
