import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '@marketpulse/observability';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { PredictionsConfig } from '../predictions.config';
import { milestonesReached } from './milestones';
import { MilestonesRepository } from './milestones.repository';
import { UserStatsRepository } from './user-stats.repository';

/**
 * Drains the stats work list that verifications write in their own transactions: recomputes those users'
 * stats set-based and awards milestones, in one transaction per batch. Running behind the verifier (not
 * inside it), and only once verifications have been quiet for STATS_REFRESH_INTERVAL_MS (or the oldest
 * change has waited STATS_REFRESH_MAX_DELAY_MS), lets a burst recompute each user once instead of once per
 * prediction. The work list is a table, so nothing is lost to a crash; replicas split it with SKIP LOCKED.
 */
@Injectable()
export class UserStatsRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UserStatsRefresher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private newestSeen = { seq: '', at: 0 };
  private readonly refreshed: Counter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stats: UserStatsRepository,
    private readonly milestones: MilestonesRepository,
    private readonly config: PredictionsConfig,
    metrics: MetricsService,
  ) {
    this.refreshed = new Counter({
      name: 'marketpulse_predictions_user_stats_refreshed_total',
      help: 'Users whose stats were recomputed',
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Drains the work list when it is due: quiet for the interval, or its oldest mark past the max delay. */
  async refreshIfDue(): Promise<number> {
    const now = new Date();
    const backlog = await this.stats.backlog(now);
    if (!backlog) return 0;
    // Quiet is judged by what this replica saw commit, not by mark times: a mark carries its
    // transaction's start, which can be long before that transaction commits.
    if (backlog.newestSeq !== this.newestSeen.seq)
      this.newestSeen = { seq: backlog.newestSeq, at: now.getTime() };
    const quiet = now.getTime() - this.newestSeen.at >= this.config.STATS_REFRESH_INTERVAL_MS;
    const overdue = backlog.oldestMs >= this.config.STATS_REFRESH_MAX_DELAY_MS;
    return quiet || overdue ? this.drain(backlog.newestSeq) : 0;
  }

  /**
   * Recomputes what is on the work list up to `upTo` (default: all of it now); returns the number of
   * users refreshed. Marks added meanwhile wait for the next pass, so a pass ends during a burst.
   */
  async drain(upTo?: string): Promise<number> {
    const limit = upTo ?? (await this.stats.backlog(new Date()))?.newestSeq;
    if (limit === undefined) return 0;
    const of = this.config.STATS_REFRESH_WORKERS;
    const partitions = Array.from({ length: of }, (_, index) => this.drainPartition(limit, { index, of }));
    return (await Promise.all(partitions)).reduce((sum, users) => sum + users, 0);
  }

  private async drainPartition(upTo: string, partition: { index: number; of: number }): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.refreshBatch(upTo, partition);
      total += done;
      if (done === 0 || this.stopped) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () => {
        this.running = this.refreshIfDue()
          .then(() => undefined)
          .catch((error: unknown) =>
            this.logger.error({ msg: 'stats refresh failed; will retry', err: error }),
          )
          .finally(() => this.schedule());
      },
      Math.min(250, this.config.STATS_REFRESH_INTERVAL_MS),
    );
  }

  private async refreshBatch(upTo: string, partition: { index: number; of: number }): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const users = await this.stats.takeDirty(manager, this.config.STATS_REFRESH_BATCH, upTo, partition);
      if (users.length === 0) return 0;
      const recomputed = await this.stats.recompute(manager, users, now);
      const awards = recomputed.flatMap((row) =>
        milestonesReached({
          participations: row.participations,
          correct: row.correct,
          maxStreak: row.max_streak,
        }).map((milestone) => ({ userId: row.user_id, milestone })),
      );
      const awarded = await this.milestones.award(manager, awards, now);
      this.refreshed.inc(users.length);
      this.logger.debug({ msg: 'user stats refreshed', users: users.length, milestones: awarded });
      return users.length;
    });
  }
}
