import { Injectable } from '@nestjs/common';
import { PredictionDue } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId, type JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { PredictionsConfig } from '../predictions.config';
import { PriceProjectionRepository } from '../prices/price-projection.repository';

/** Most predictions one sweep hands out; the rest follow in the next minute's sweep. */
const MAX_DUE_PER_SWEEP = 50_000;

/**
 * The minute's housekeeping: close voting that is over, publish `prediction.due` for what reached its
 * verifyAt, prune old prices. A due prediction is leased (not published again) until the verifier has
 * had its chance; one still waiting for a price is published again after the recheck delay.
 */
@Injectable()
export class DueSweeper {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly prices: PriceProjectionRepository,
    private readonly config: PredictionsConfig,
  ) {}

  // UPDATE and DELETE go through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
  async sweep(manager: EntityManager, now: Date): Promise<JobCounts> {
    const closed: unknown[] = await manager.query(
      `WITH closed AS (
         UPDATE predictions SET status = 'closed' WHERE status = 'active' AND voting_deadline <= $1 RETURNING 1)
       SELECT 1 FROM closed`,
      [now],
    );
    const lease = new Date(now.getTime() + 5 * this.config.PREDICTION_RECHECK_MS);
    const due: { id: string; symbol: string; verify_at: Date; due_attempts: number }[] = await manager.query(
      `WITH due AS (
         UPDATE predictions SET due_attempts = due_attempts + 1, next_due_at = $2
          WHERE id IN (
            SELECT id FROM predictions
             WHERE status IN ('active', 'closed') AND mode = 'auto' AND verify_at <= $1
               AND (next_due_at IS NULL OR next_due_at <= $1)
             ORDER BY verify_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, symbol, verify_at, due_attempts)
       SELECT * FROM due ORDER BY verify_at, id`,
      [now, lease, MAX_DUE_PER_SWEEP],
    );
    await this.outbox.publishAllInTransaction(
      manager,
      due.map((row) => ({
        contract: PredictionDue,
        payload: {
          predictionId: row.id,
          symbol: row.symbol,
          verifyAt: row.verify_at.toISOString(),
          attempt: row.due_attempts,
        },
        options: { id: deterministicEventId(`prediction.due:${row.id}:${row.due_attempts}`) },
      })),
    );
    const pruned = await this.prices.prune(
      manager,
      new Date(now.getTime() - this.config.PREDICTION_PRICE_RETENTION_MS),
    );
    return { closed: closed.length, due: due.length, pricesPruned: pruned };
  }
}
