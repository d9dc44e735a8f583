import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserStatsDto } from './dto/user-stats.dto';

export interface RecomputedStats {
  user_id: string;
  participations: number;
  correct: number;
  max_streak: number;
}

/**
 * A user's stats are recomputed from their results, never incremented: the same results give the same
 * stats whatever order the verifications came in. Only settled results count (`counted`): those with no
 * prediction the user voted on still open at an earlier verifyAt, so a streak is never counted across
 * an outcome not known yet.
 */
@Injectable()
export class UserStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes up to `limit` users off the work list (skipping those another replica holds). */
  async takeDirty(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `WITH taken AS (
         DELETE FROM stats_dirty WHERE user_id IN (
           SELECT user_id FROM stats_dirty ORDER BY marked_at, user_id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING user_id)
       SELECT user_id FROM taken`,
      [limit],
    );
    return rows.map((row) => row.user_id);
  }

  async settleAndRecompute(manager: EntityManager, users: string[], now: Date): Promise<RecomputedStats[]> {
    await manager.query(
      `WITH horizon AS (
         SELECT u.user_id, min(p.verify_at) AS open_from
           FROM unnest($1::text[]) AS u(user_id)
           LEFT JOIN votes v ON v.user_id = u.user_id
           LEFT JOIN predictions p ON p.id = v.prediction_id AND p.status IN ('active', 'closed')
          GROUP BY u.user_id)
       UPDATE user_results r SET counted = true
         FROM horizon h
        WHERE r.user_id = h.user_id AND NOT r.counted AND (h.open_from IS NULL OR r.verify_at < h.open_from)`,
      [users],
    );
    return manager.query(
      `WITH ordered AS (
         SELECT r.user_id, r.correct,
                row_number() OVER (PARTITION BY r.user_id ORDER BY r.verify_at, r.prediction_id) AS rn,
                row_number() OVER (PARTITION BY r.user_id, r.correct ORDER BY r.verify_at, r.prediction_id) AS rc
           FROM user_results r
          WHERE r.user_id = ANY($1::text[]) AND r.counted),
       runs AS (
         SELECT user_id, correct, count(*) AS len, max(rn) AS last_rn FROM ordered GROUP BY user_id, correct, rn - rc),
       totals AS (
         SELECT user_id, count(*) AS n, count(*) FILTER (WHERE correct) AS correct FROM ordered GROUP BY user_id),
       streaks AS (
         SELECT t.user_id,
                COALESCE(max(r.len) FILTER (WHERE r.correct), 0) AS max_streak,
                COALESCE(max(r.len) FILTER (WHERE r.correct AND r.last_rn = t.n), 0) AS current_streak
           FROM totals t JOIN runs r USING (user_id) GROUP BY t.user_id),
       pending AS (
         SELECT v.user_id, count(*) AS open
           FROM votes v JOIN predictions p ON p.id = v.prediction_id
          WHERE v.user_id = ANY($1::text[]) AND p.status IN ('active', 'closed')
          GROUP BY v.user_id)
       INSERT INTO user_stats (user_id, participations, correct, accuracy, current_streak, max_streak, pending, updated_at)
       SELECT t.user_id, t.n, t.correct, round(t.correct * 100.0 / t.n, 2), s.current_streak, s.max_streak,
              COALESCE(p.open, 0), $2
         FROM totals t JOIN streaks s USING (user_id) LEFT JOIN pending p USING (user_id)
       ON CONFLICT (user_id) DO UPDATE SET participations = EXCLUDED.participations, correct = EXCLUDED.correct,
         accuracy = EXCLUDED.accuracy, current_streak = EXCLUDED.current_streak, max_streak = EXCLUDED.max_streak,
         pending = EXCLUDED.pending, updated_at = EXCLUDED.updated_at
       RETURNING user_id, participations, correct, max_streak`,
      [users, now],
    );
  }

  async find(userId: string): Promise<UserStatsDto> {
    const [row]: {
      participations: number;
      correct: number;
      accuracy: string;
      current_streak: number;
      max_streak: number;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT participations, correct, accuracy, current_streak, max_streak, updated_at FROM user_stats WHERE user_id = $1`,
      [userId],
    );
    const [{ open }]: { open: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS open FROM votes v JOIN predictions p ON p.id = v.prediction_id
        WHERE v.user_id = $1 AND p.status IN ('active', 'closed')`,
      [userId],
    );
    const milestones: { milestone: string; reached_at: Date }[] = await this.dataSource.query(
      `SELECT milestone, reached_at FROM user_milestones WHERE user_id = $1 ORDER BY reached_at, milestone`,
      [userId],
    );
    return {
      userId,
      participations: row?.participations ?? 0,
      correct: row?.correct ?? 0,
      accuracy: row?.accuracy ?? '0.00',
      currentStreak: row?.current_streak ?? 0,
      maxStreak: row?.max_streak ?? 0,
      pending: open,
      milestones: milestones.map((entry) => ({
        milestone: entry.milestone,
        reachedAt: entry.reached_at.toISOString(),
      })),
      ...(row ? { updatedAt: row.updated_at.toISOString() } : {}),
    };
  }
}
