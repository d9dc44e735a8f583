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
 * inside it) lets a burst of verifications recompute each user once instead of once per prediction; the
 * work list is a table, so nothing is lost to a crash, and replicas split it with SKIP LOCKED.
 */
@Injectable()
export class UserStatsRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UserStatsRefresher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
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

  /** Recomputes until the work list is empty; returns the number of users refreshed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.refreshBatch();
      total += done;
      if (done < this.config.STATS_REFRESH_BATCH || this.stopped) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ msg: 'stats refresh failed; will retry', err: error }))
        .finally(() => this.schedule());
    }, this.config.STATS_REFRESH_INTERVAL_MS);
  }

  private async refreshBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const users = await this.stats.takeDirty(manager, this.config.STATS_REFRESH_BATCH);
      if (users.length === 0) return 0;
      const recomputed = await this.stats.settleAndRecompute(manager, users, now);
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
