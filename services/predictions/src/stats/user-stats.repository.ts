import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserStatsDto } from './dto/user-stats.dto';

export interface RecomputedStats {
  user_id: string;
  participations: number;
  correct: number;
  max_streak: number;
}

/** User stats: the refresher's work list, recomputation from results, and the read side. */
@Injectable()
export class UserStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The waiting work: how old its oldest mark is, and the newest mark's sequence number. */
  async backlog(now: Date): Promise<{ oldestMs: number; newestSeq: string } | undefined> {
    const [row]: { oldest: Date | null; newest: string | null }[] = await this.dataSource.query(
      `SELECT (SELECT marked_at FROM stats_dirty ORDER BY seq LIMIT 1) AS oldest,
              (SELECT seq FROM stats_dirty ORDER BY seq DESC LIMIT 1) AS newest`,
    );
    if (!row?.oldest || !row.newest) return undefined;
    return { oldestMs: now.getTime() - row.oldest.getTime(), newestSeq: row.newest };
  }

  /**
   * Takes up to `limit` marks of one partition of the users off the work list (skipping those another
   * replica holds); returns their users. A user is always in the same partition, so partitions refreshed
   * side by side never touch the same stats.
   */
  async takeDirty(
    manager: EntityManager,
    limit: number,
    upTo: string,
    partition: { index: number; of: number },
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `WITH taken AS (
         DELETE FROM stats_dirty WHERE seq IN (
           SELECT seq FROM stats_dirty
            WHERE seq <= $2 AND abs(hashtext(user_id)) % $4 = $3
            ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING user_id)
       SELECT DISTINCT user_id FROM taken`,
      [limit, upTo, partition.index, partition.of],
    );
    return rows.map((row) => row.user_id);
  }

  /**
   * Recomputes the users' stats from their settled results: those before the earliest verifyAt among the
   * predictions they voted on that are still open. New predictions always verify later than any verified
   * one, so the settled part of a history only grows: stats never go backwards, and a streak is never
   * counted across an outcome not known yet, whatever order verifications arrive in.
   */
  async recompute(manager: EntityManager, users: string[], now: Date): Promise<RecomputedStats[]> {
    return manager.query(
      `WITH users AS (
         SELECT DISTINCT user_id FROM unnest($1::text[]) AS u(user_id)),
       horizon AS (
         -- From the open predictions (few, through their partial index) to their votes, not from every
         -- vote of every user.
         SELECT v.user_id, min(p.verify_at) AS open_from
           FROM predictions p JOIN votes v ON v.prediction_id = p.id JOIN users USING (user_id)
          WHERE p.status IN ('active', 'closed')
          GROUP BY v.user_id),
       ordered AS (
         -- A run of correct calls is the rows after one incorrect call: counting the incorrect ones so far
         -- numbers the runs, in one pass in the primary key's order.
         SELECT r.user_id, r.correct,
                count(*) FILTER (WHERE NOT r.correct)
                  OVER (PARTITION BY r.user_id ORDER BY r.verify_at, r.prediction_id) AS run
           FROM user_results r JOIN users USING (user_id) LEFT JOIN horizon h USING (user_id)
          WHERE h.open_from IS NULL OR r.verify_at < h.open_from),
       runs AS (
         SELECT user_id, run, count(*) FILTER (WHERE correct) AS len FROM ordered GROUP BY user_id, run),
       totals AS (
         SELECT user_id, count(*) AS n, count(*) FILTER (WHERE correct) AS correct, max(run) AS last_run
           FROM ordered GROUP BY user_id),
       streaks AS (
         SELECT t.user_id, max(r.len) AS max_streak, max(r.len) FILTER (WHERE r.run = t.last_run) AS current_streak
           FROM totals t JOIN runs r USING (user_id) GROUP BY t.user_id)
       INSERT INTO user_stats (user_id, participations, correct, accuracy, current_streak, max_streak, updated_at)
       SELECT t.user_id, t.n, t.correct, round(t.correct * 100.0 / t.n, 2), s.current_streak, s.max_streak, $2
         FROM totals t JOIN streaks s USING (user_id)
        ORDER BY t.user_id
       ON CONFLICT (user_id) DO UPDATE SET participations = EXCLUDED.participations, correct = EXCLUDED.correct,
         accuracy = EXCLUDED.accuracy, current_streak = EXCLUDED.current_streak, max_streak = EXCLUDED.max_streak,
         updated_at = EXCLUDED.updated_at
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
