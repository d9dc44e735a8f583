import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PortfolioValued } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import { DataSource } from 'typeorm';
import { PortfolioConfig } from '../portfolio.config';
import { ValuationRepository } from './valuation.repository';

/**
 * Portfolios published per transaction. Building events is CPU work on the event loop: small batches let
 * the next price burst's handlers in between.
 */
const BATCH = 500;

/**
 * Publishes `portfolio.valued` for portfolios revalued since their last one, at most once per portfolio per
 * PORTFOLIO_VALUED_INTERVAL_MS. Each run marks and publishes in one transaction (outbox). Runs are kicked
 * after every revaluation commits, and also every interval, so the last valuation of a busy period is
 * published when the throttle lets it, not lost.
 */
@Injectable()
export class ValuedPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ValuedPublisher.name);
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private revaluing = 0;
  private revaluationsDone: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly valuations: ValuationRepository,
    private readonly outbox: OutboxPublisher,
    private readonly config: PortfolioConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.kick(), Math.max(1000, this.config.PORTFOLIO_VALUED_INTERVAL_MS));
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Wraps a revaluation: publication waits while one runs, so a burst's revaluation does not share the
   * database with ten thousand event inserts (the events are due within the interval anyway).
   */
  async during<T>(revaluation: () => Promise<T>): Promise<T> {
    this.revaluing++;
    try {
      return await revaluation();
    } finally {
      if (--this.revaluing === 0) this.revaluationsDone?.();
    }
  }

  private async quiet(): Promise<void> {
    while (this.revaluing > 0) {
      await new Promise<void>((resolve) => (this.revaluationsDone = resolve));
    }
  }

  /** Starts a run, or asks the current one to go once more (a revaluation committed while it ran). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        let published: number;
        do {
          await this.quiet();
          published = await this.publishBatch();
        } while (published === BATCH && !this.stopped);
      } catch (error) {
        this.logger.error({ msg: 'publishing portfolio.valued failed; the next run retries', err: error });
        return;
      }
    } while (this.again && !this.stopped);
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.valuations.takeDueForPublication(
        manager,
        new Date(),
        this.config.PORTFOLIO_VALUED_INTERVAL_MS,
        BATCH,
      );
      await this.outbox.publishAllInTransaction(
        manager,
        due.map((row) => ({
          contract: PortfolioValued,
          payload: {
            portfolioId: row.id,
            ownerId: row.owner_id,
            baseCurrency: row.base_currency,
            value: row.value,
            stale: row.stale,
            valuedAt: row.valued_at.toISOString(),
          },
        })),
      );
      return due.length;
    });
  }
}
