import { Injectable, Logger } from '@nestjs/common';
import type { PredictionDueV1 } from '@marketpulse/contracts';
import { InboxService, type InboxBatch } from '@marketpulse/messaging';
import { MetricsService } from '@marketpulse/observability';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { parseCondition } from '../conditions';
import { PredictionsConfig } from '../predictions.config';
import { PriceProjectionRepository } from '../prices/price-projection.repository';
import { decideOutcome, type DuePrediction } from './prediction-outcome';
import {
  PredictionOutcomesRepository,
  type EndedOutcome,
  type VerifiedOutcome,
} from './prediction-outcomes.repository';

interface DueRow {
  id: string;
  symbol: string;
  mode: 'auto' | 'manual';
  verify_at: Date;
  price_at_create: string;
}

export interface VerificationCounts {
  verified: number;
  voided: number;
  waiting: number;
  skipped: number;
}

/**
 * Verifies due predictions set-based: the `prediction.due` events handled at the same time are one
 * batch, with one query for their rows, one for their prices and a few writes for all their votes.
 * Replicas share the work through the durable consumer; the row lock makes a prediction verified once.
 */
@Injectable()
export class PredictionVerifier {
  private readonly logger = new Logger(PredictionVerifier.name);
  readonly batch: InboxBatch<PredictionDueV1, void>;
  private readonly outcomesCounter: Counter<'outcome'>;

  constructor(
    inbox: InboxService,
    private readonly prices: PriceProjectionRepository,
    private readonly outcomes: PredictionOutcomesRepository,
    private readonly config: PredictionsConfig,
    metrics: MetricsService,
  ) {
    this.outcomesCounter = new Counter({
      name: 'marketpulse_predictions_due_outcomes_total',
      help: 'Due predictions handled, by outcome: verified, voided, waiting (for a fresh price), skipped (already decided)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
    this.batch = inbox.batch<PredictionDueV1, void>(
      async (manager, items) => {
        const counts = await this.verify(manager, items);
        for (const [outcome, count] of Object.entries(counts)) this.outcomesCounter.inc({ outcome }, count);
        this.logger.log({ msg: 'due predictions handled', events: items.length, ...counts });
        return items.map(() => undefined);
      },
      // Two batches can commit side by side: they share no rows (other predictions, other results; stats
      // marks are only appended). The linger lets a burst being delivered gather into full batches
      // instead of a string of single-event ones.
      { lanes: 2, maxBatch: 256, lingerMs: 25 },
    );
  }

  async verify(
    manager: EntityManager,
    due: PredictionDueV1[],
    now = new Date(),
  ): Promise<VerificationCounts> {
    const ids = [...new Set(due.map((item) => item.predictionId))];
    // Locked in id order, so two batches sharing predictions cannot deadlock.
    const rows: DueRow[] = await manager.query(
      `SELECT id, symbol, mode, verify_at, price_at_create FROM predictions
        WHERE id = ANY($1::uuid[]) AND status IN ('active', 'closed') AND mode = 'auto'
        ORDER BY id FOR UPDATE`,
      [ids],
    );
    const options: { prediction_id: string; option: number; condition: string }[] = await manager.query(
      `SELECT prediction_id, option, condition FROM prediction_options
        WHERE prediction_id = ANY($1::uuid[]) ORDER BY prediction_id, option`,
      [rows.map((row) => row.id)],
    );
    const predictions: DuePrediction[] = rows.map((row) => ({
      id: row.id,
      symbol: row.symbol,
      verifyAt: row.verify_at,
      priceAtCreate: row.price_at_create,
      options: options
        .filter((option) => option.prediction_id === row.id)
        .map((option) => ({ option: option.option, condition: parseCondition(option.condition) })),
    }));
    const prices = await this.prices.lastAtOrBefore(
      manager,
      predictions.map((prediction) => ({ symbol: prediction.symbol, at: prediction.verifyAt })),
    );
    const verified: VerifiedOutcome[] = [];
    const ended: EndedOutcome[] = [];
    const waiting: { id: string; reason: string }[] = [];
    const rules = {
      maxPriceAgeMs: this.config.PREDICTION_MAX_PRICE_AGE_MS,
      graceMs: this.config.PREDICTION_VERIFY_GRACE_MS,
    };
    predictions.forEach((prediction, index) => {
      const outcome = decideOutcome(prediction, prices[index], now, rules);
      switch (outcome.kind) {
        case 'verified':
          verified.push({
            id: prediction.id,
            symbol: prediction.symbol,
            mode: 'auto',
            verifyAt: prediction.verifyAt,
            priceAtCreate: prediction.priceAtCreate,
            winningOption: outcome.winningOption,
            price: outcome.price,
            changePercent: outcome.changePercent,
          });
          break;
        case 'void':
          ended.push({
            id: prediction.id,
            symbol: prediction.symbol,
            status: 'void',
            reason: outcome.reason,
          });
          break;
        case 'wait':
          waiting.push({ id: prediction.id, reason: outcome.reason });
          break;
      }
    });
    await this.outcomes.applyVerified(manager, verified, now);
    await this.outcomes.applyEnded(manager, ended, now);
    if (waiting.length > 0) {
      await manager.query(
        `UPDATE predictions p SET status_reason = w.reason, next_due_at = $3
           FROM unnest($1::uuid[], $2::text[]) AS w(id, reason) WHERE p.id = w.id`,
        [
          waiting.map((item) => item.id),
          waiting.map((item) => item.reason),
          new Date(now.getTime() + this.config.PREDICTION_RECHECK_MS),
        ],
      );
    }
    return {
      verified: verified.length,
      voided: ended.length,
      waiting: waiting.length,
      skipped: ids.length - rows.length,
    };
  }
}
