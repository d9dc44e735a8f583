import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { tickSubject, type EventEnvelope, type TickV1 } from '@marketpulse/contracts';
import { JetStreamContext, JobRunner } from '@marketpulse/messaging';
import { SignalDetectionService } from '../signals/signal-detection.service';

export const DETECT_SIGNALS_JOB = 'detect-signals';

@Controller()
export class DetectSignalsConsumer {
  private readonly logger = new Logger(DetectSignalsConsumer.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly signals: SignalDetectionService,
  ) {}

  @EventPattern(tickSubject('market-data', DETECT_SIGNALS_JOB))
  async onDetectSignals(
    @Payload() event: EventEnvelope<TickV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    this.logger.debug({ msg: 'detect-signals tick', runId: event.data.runId });
    // Stamped with the slot, not the clock: the 08:00 reports select `detected_at <= scheduledFor`, so a
    // signal stamped a few ms after 08:00 by this job would miss that day's report.
    await this.jobs.run(context, event.data, (manager) =>
      this.signals.detect(manager, new Date(event.data.scheduledFor)),
    );
  }
}
