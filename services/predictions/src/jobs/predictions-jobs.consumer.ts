import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { LeaderboardService } from '../leaderboards/leaderboard.service';
import { DueSweeper } from '../verification/due-sweeper.service';

export const PREDICTIONS_SERVICE = 'predictions';
export const SWEEP_DUE_JOB = 'sweep-due';
export const REFRESH_LEADERBOARD_JOB = 'refresh-leaderboard';

/** The scheduler's ticks for this service. Work is stamped with the slot time, not the clock. */
@Controller()
export class PredictionsJobsConsumer {
  private readonly logger = new Logger(PredictionsJobsConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly sweeper: DueSweeper,
    private readonly leaderboards: LeaderboardService,
  ) {}

  @EventPattern(tickSubject(PREDICTIONS_SERVICE, SWEEP_DUE_JOB))
  async onSweepDue(@Payload() event: EventEnvelope<TickV1>, @Ctx() context: JetStreamContext): Promise<void> {
    this.logger.debug({ msg: 'sweep-due tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, (manager) =>
      this.sweeper.sweep(manager, new Date(Math.max(Date.parse(event.data.scheduledFor), Date.now()))),
    );
  }

  @EventPattern(tickSubject(PREDICTIONS_SERVICE, REFRESH_LEADERBOARD_JOB))
  async onRefreshLeaderboard(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'refresh-leaderboard tick', runId: event.data.runId });
    await this.jobs.run(context, event.data, (manager) =>
      this.leaderboards.refresh(manager, new Date(event.data.scheduledFor)),
    );
  }
}
