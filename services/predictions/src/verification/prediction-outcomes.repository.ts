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
    // One statement scores every vote (a user result, correct or not), marks the voters' stats for the
    // refresher and counts the votes per option for the events.
    const counts: { prediction_id: string; option: number; votes: number }[] = await manager.query(
      `WITH outcome AS (
         SELECT * FROM unnest($1::uuid[], $2::smallint[]) AS o(id, win)),
       scored AS (
         INSERT INTO user_results (user_id, verify_at, prediction_id, correct)
         SELECT v.user_id, p.verify_at, v.prediction_id, v.option = o.win
           FROM outcome o JOIN predictions p ON p.id = o.id JOIN votes v ON v.prediction_id = o.id
         ON CONFLICT DO NOTHING
         RETURNING user_id, prediction_id),
       marked AS (
         INSERT INTO stats_dirty (user_id) SELECT DISTINCT user_id FROM scored),
       tally AS (
         SELECT v.prediction_id, v.option, count(*)::int AS votes
           FROM votes v JOIN outcome o ON o.id = v.prediction_id GROUP BY v.prediction_id, v.option)
       SELECT o.prediction_id, o.option, COALESCE(t.votes, 0) AS votes
         FROM prediction_options o LEFT JOIN tally t USING (prediction_id, option)
        WHERE o.prediction_id = ANY($1::uuid[])
        ORDER BY o.prediction_id, o.option`,
      [ids, outcomes.map((outcome) => outcome.winningOption)],
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
      `INSERT INTO stats_dirty (user_id) SELECT DISTINCT user_id FROM votes WHERE prediction_id = ANY($1::uuid[])`,
      [predictionIds],
    );
  }
}
