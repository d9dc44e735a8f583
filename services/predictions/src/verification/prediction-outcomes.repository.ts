import { Injectable } from '@nestjs/common';
import {
  PredictionVerified,
  PredictionVoided,
  type PredictionVerifiedV1,
  type PredictionVoidedV1,
} from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { trimZeros } from '../predictions/predictions.repository';

export interface VerifiedOutcome {
  id: string;
  symbol: string;
  mode: 'auto' | 'manual';
  verifyAt: Date;
  priceAtCreate: string;
  winningOption: number;
  price?: { price: string; asOf: Date };
  changePercent?: string;
}

export interface EndedOutcome {
  id: string;
  symbol: string;
  status: 'void' | 'cancelled';
  reason: string;
}

/**
 * Writes outcomes for many predictions at once: statuses, every vote scored, the users' results and
 * the stats refresher's work list, and the events, in the caller's transaction. A handful of statements
 * per batch, whatever the number of votes.
 */
@Injectable()
export class PredictionOutcomesRepository {
  constructor(private readonly outbox: OutboxPublisher) {}

  async applyVerified(manager: EntityManager, outcomes: VerifiedOutcome[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    const ids = outcomes.map((outcome) => outcome.id);
    await manager.query(
      `UPDATE predictions p
          SET status = 'verified', winning_option = o.win, price_at_verify = o.price, price_at_verify_as_of = o.as_of,
              change_percent = o.change, status_reason = NULL, ended_at = $6, next_due_at = NULL
         FROM unnest($1::uuid[], $2::smallint[], $3::numeric[], $4::timestamptz[], $5::numeric[])
              AS o(id, win, price, as_of, change)
        WHERE p.id = o.id`,
      [
        ids,
        outcomes.map((outcome) => outcome.winningOption),
        outcomes.map((outcome) => outcome.price?.price ?? null),
        outcomes.map((outcome) => outcome.price?.asOf ?? null),
        outcomes.map((outcome) => outcome.changePercent ?? null),
        now,
      ],
    );
    await manager.query(
      `UPDATE votes v SET correct = (v.option = o.win)
         FROM unnest($1::uuid[], $2::smallint[]) AS o(id, win)
        WHERE v.prediction_id = o.id`,
      [ids, outcomes.map((outcome) => outcome.winningOption)],
    );
    await manager.query(
      `INSERT INTO user_results (user_id, prediction_id, verify_at, correct)
       SELECT v.user_id, v.prediction_id, p.verify_at, v.correct
         FROM votes v JOIN predictions p ON p.id = v.prediction_id
        WHERE v.prediction_id = ANY($1::uuid[])
       ON CONFLICT (user_id, prediction_id) DO NOTHING`,
      [ids],
    );
    await this.markVotersDirty(manager, ids);
    const counts: { prediction_id: string; option: number; votes: number }[] = await manager.query(
      `SELECT o.prediction_id, o.option, count(v.user_id)::int AS votes
         FROM prediction_options o
         LEFT JOIN votes v ON v.prediction_id = o.prediction_id AND v.option = o.option
        WHERE o.prediction_id = ANY($1::uuid[])
        GROUP BY o.prediction_id, o.option ORDER BY o.prediction_id, o.option`,
      [ids],
    );
    const byPrediction = new Map<string, { option: number; votes: number }[]>();
    for (const row of counts) {
      const list = byPrediction.get(row.prediction_id) ?? [];
      list.push({ option: row.option, votes: row.votes });
      byPrediction.set(row.prediction_id, list);
    }
    await this.outbox.publishAllInTransaction(
      manager,
      outcomes.map((outcome) => {
        const votesPerOption = byPrediction.get(outcome.id) ?? [];
        const correctCount =
          votesPerOption.find((entry) => entry.option === outcome.winningOption)?.votes ?? 0;
        const total = votesPerOption.reduce((sum, entry) => sum + entry.votes, 0);
        const payload: PredictionVerifiedV1 = {
          predictionId: outcome.id,
          symbol: outcome.symbol,
          mode: outcome.mode,
          winningOption: outcome.winningOption,
          priceAtCreate: trimZeros(outcome.priceAtCreate),
          votesPerOption,
          correctCount,
          incorrectCount: total - correctCount,
          verifyAt: outcome.verifyAt.toISOString(),
          verifiedAt: now.toISOString(),
        };
        if (outcome.price) {
          payload.priceAtVerify = trimZeros(outcome.price.price);
          payload.priceAtVerifyAsOf = outcome.price.asOf.toISOString();
        }
        if (outcome.changePercent !== undefined) payload.changePercent = outcome.changePercent;
        return {
          contract: PredictionVerified,
          payload,
          options: { id: deterministicEventId(`prediction.verified:${outcome.id}`) },
        };
      }),
    );
  }

  /** Void or cancelled: no winner, no results; the voters' settled history may move on past it. */
  async applyEnded(manager: EntityManager, outcomes: EndedOutcome[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    const ids = outcomes.map((outcome) => outcome.id);
    await manager.query(
      `UPDATE predictions p SET status = o.status, status_reason = o.reason, ended_at = $4, next_due_at = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o(id, status, reason)
        WHERE p.id = o.id`,
      [ids, outcomes.map((outcome) => outcome.status), outcomes.map((outcome) => outcome.reason), now],
    );
    await this.markVotersDirty(manager, ids);
    await this.outbox.publishAllInTransaction(
      manager,
      outcomes.map((outcome) => {
        const payload: PredictionVoidedV1 = {
          predictionId: outcome.id,
          symbol: outcome.symbol,
          status: outcome.status,
          reason: outcome.reason.slice(0, 500),
          endedAt: now.toISOString(),
        };
        return {
          contract: PredictionVoided,
          payload,
          options: { id: deterministicEventId(`prediction.voided:${outcome.id}`) },
        };
      }),
    );
  }

  private async markVotersDirty(manager: EntityManager, predictionIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO stats_dirty (user_id)
       SELECT DISTINCT user_id FROM votes WHERE prediction_id = ANY($1::uuid[])
       ON CONFLICT (user_id) DO NOTHING`,
      [predictionIds],
    );
  }
}
