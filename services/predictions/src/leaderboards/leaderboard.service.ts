import { Injectable } from '@nestjs/common';
import {
  LEADERBOARD_METRICS,
  LEADERBOARD_PERIODS,
  LeaderboardUpdated,
  type LeaderboardMetric,
  type LeaderboardPeriod,
  type LeaderboardUpdatedV1,
} from '@marketpulse/contracts';
import { OutboxPublisher, type JobCounts } from '@marketpulse/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { PredictionsConfig } from '../predictions.config';
import { MilestonesRepository } from '../stats/milestones.repository';
import type { LeaderboardDto } from './dto/leaderboard.dto';
import { periodStart } from './leaderboard-periods';

const TOP_IN_EVENT = 10;

/** Per-metric order; ties are broken by the other figures, then by user id, so ranks are stable. */
const ORDER: Record<LeaderboardMetric, string> = {
  accuracy: 'accuracy DESC, correct DESC, participations DESC, user_id',
  correct: 'correct DESC, accuracy DESC, participations DESC, user_id',
  streak: 'max_streak DESC, correct DESC, accuracy DESC, user_id',
};

/**
 * Per-user figures over a period, from settled results only: the same gaps-and-islands streak rule as
 * user stats, restricted to results verified since the period started.
 */
const PERIOD_STATS = `
  WITH horizon AS (
    SELECT v.user_id, min(p.verify_at) AS open_from
      FROM predictions p JOIN votes v ON v.prediction_id = p.id
     WHERE p.status IN ('active', 'closed') GROUP BY v.user_id),
  ordered AS (
    SELECT r.user_id, r.correct,
           count(*) FILTER (WHERE NOT r.correct) OVER (PARTITION BY r.user_id ORDER BY r.verify_at, r.prediction_id) AS run
      FROM user_results r LEFT JOIN horizon h USING (user_id)
     WHERE r.verify_at >= $1 AND (h.open_from IS NULL OR r.verify_at < h.open_from)),
  runs AS (SELECT user_id, run, count(*) FILTER (WHERE correct) AS len FROM ordered GROUP BY user_id, run),
  streaks AS (SELECT user_id, max(len)::int AS max_streak FROM runs GROUP BY user_id),
  figures AS (
    SELECT o.user_id, count(*)::int AS participations, (count(*) FILTER (WHERE o.correct))::int AS correct,
           round((count(*) FILTER (WHERE o.correct)) * 100.0 / count(*), 2) AS accuracy, s.max_streak
      FROM ordered o JOIN streaks s USING (user_id) GROUP BY o.user_id, s.max_streak)`;

const ALL_TIME_STATS = `
  WITH figures AS (SELECT user_id, participations, correct, accuracy, max_streak FROM user_stats WHERE $1::timestamptz IS NULL)`;

/** The hourly leaderboards: all-time, monthly and weekly, each by accuracy, correct calls and streak. */
@Injectable()
export class LeaderboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly milestones: MilestonesRepository,
    private readonly config: PredictionsConfig,
  ) {}

  async refresh(manager: EntityManager, now: Date): Promise<JobCounts> {
    const events: LeaderboardUpdatedV1[] = [];
    let ranked = 0;
    for (const period of LEADERBOARD_PERIODS) {
      const start = periodStart(period, now);
      const counts = await this.rank(manager, period, start, now);
      for (const metric of LEADERBOARD_METRICS) {
        ranked += counts[metric];
        const board = await this.read(period, metric, TOP_IN_EVENT, manager);
        events.push({
          period,
          metric,
          ...(start ? { periodStart: start.toISOString() } : {}),
          computedAt: now.toISOString(),
          rankedUsers: counts[metric],
          top: board.entries,
        });
      }
    }
    await this.outbox.publishAllInTransaction(
      manager,
      events.map((payload) => ({ contract: LeaderboardUpdated, payload })),
    );
    const topTen =
      events.find((event) => event.period === 'all-time' && event.metric === 'accuracy')?.top ?? [];
    const awarded = await this.milestones.award(
      manager,
      topTen.map((entry) => ({ userId: entry.userId, milestone: 'top-10' as const })),
      now,
    );
    return { boards: events.length, rankedUsers: ranked, topTenMilestones: awarded };
  }

  /**
   * Replaces one period's boards: the users' figures are computed once and ranked three ways (only users
   * with enough calls are ranked by accuracy). Returns how many users each board ranks.
   */
  private async rank(
    manager: EntityManager,
    period: LeaderboardPeriod,
    start: Date | undefined,
    now: Date,
  ): Promise<Record<LeaderboardMetric, number>> {
    await manager.query(`DELETE FROM leaderboard_entries WHERE period = $1`, [period]);
    const boards = LEADERBOARD_METRICS.map(
      (metric) => `
        SELECT '${metric}' AS metric, user_id, participations, correct, accuracy, max_streak,
               row_number() OVER (ORDER BY ${ORDER[metric]}) AS rank, count(*) OVER () AS total
          FROM figures ${metric === 'accuracy' ? 'WHERE participations >= $2' : ''}`,
    );
    const rows: { metric: LeaderboardMetric; count: number }[] = await manager.query(
      `${start ? PERIOD_STATS : ALL_TIME_STATS},
       ranked AS (${boards.join(' UNION ALL ')}),
       kept AS (
         INSERT INTO leaderboard_entries (period, metric, rank, user_id, participations, correct, accuracy,
                                          max_streak, period_start, computed_at)
         SELECT $3, metric, rank, user_id, participations, correct, accuracy, max_streak, $1, $4
           FROM ranked WHERE rank <= $5)
       SELECT metric, max(total)::int AS count FROM ranked GROUP BY metric`,
      [start ?? null, this.config.LEADERBOARD_MIN_PARTICIPATIONS, period, now, this.config.LEADERBOARD_SIZE],
    );
    const counts = { accuracy: 0, correct: 0, streak: 0 } satisfies Record<LeaderboardMetric, number>;
    for (const row of rows) counts[row.metric] = row.count;
    return counts;
  }

  async read(
    period: LeaderboardPeriod,
    metric: LeaderboardMetric,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeaderboardDto> {
    const rows: {
      rank: number;
      user_id: string;
      participations: number;
      correct: number;
      accuracy: string;
      max_streak: number;
      period_start: Date | null;
      computed_at: Date;
    }[] = await manager.query(
      `SELECT rank, user_id, participations, correct, accuracy, max_streak, period_start, computed_at
         FROM leaderboard_entries WHERE period = $1 AND metric = $2 ORDER BY rank LIMIT $3`,
      [period, metric, limit],
    );
    const first = rows[0];
    return {
      period,
      metric,
      ...(first?.period_start ? { periodStart: first.period_start.toISOString() } : {}),
      ...(first ? { computedAt: first.computed_at.toISOString() } : {}),
      entries: rows.map((row) => ({
        rank: row.rank,
        userId: row.user_id,
        participations: row.participations,
        correct: row.correct,
        accuracy: row.accuracy,
        maxStreak: row.max_streak,
      })),
    };
  }
}
