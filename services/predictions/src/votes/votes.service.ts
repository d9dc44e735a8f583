import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { VoteCast } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import { DataSource } from 'typeorm';
import type { PredictionStatus } from '../predictions/dto/prediction.dto';
import { effectiveStatus } from '../predictions/effective-status';
import type { MyVoteDto, VoteDto } from './dto/vote.dto';

interface VoteRow {
  option: number;
  cast_at: Date;
  changed_at: Date | null;
}

/** Casting and changing votes; one row per (prediction, user), so a retried request is counted once. */
@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async cast(predictionId: string, userId: string, option: number, now = new Date()): Promise<VoteDto> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: votes of many users run side by side, but not beside the sweep closing the
      // prediction or the verifier scoring it.
      const [prediction]: { status: string; voting_deadline: Date; options: number }[] = await manager.query(
        `SELECT p.status, p.voting_deadline, (SELECT count(*)::int FROM prediction_options o WHERE o.prediction_id = p.id) AS options
           FROM predictions p WHERE p.id = $1 FOR SHARE`,
        [predictionId],
      );
      if (!prediction) throw new NotFoundException(`no prediction ${predictionId}`);
      if (prediction.status !== 'active' || prediction.voting_deadline.getTime() <= now.getTime()) {
        const why =
          prediction.status === 'active' || prediction.status === 'closed'
            ? `voting closed at ${prediction.voting_deadline.toISOString()}`
            : `the prediction is ${prediction.status}`;
        throw new ConflictException(`cannot vote on prediction ${predictionId}: ${why}`);
      }
      if (option > prediction.options) {
        throw new BadRequestException(`option must be between 1 and ${prediction.options}`);
      }
      const [previous]: VoteRow[] = await manager.query(
        `SELECT option, cast_at, changed_at FROM votes WHERE prediction_id = $1 AND user_id = $2 FOR UPDATE`,
        [predictionId, userId],
      );
      if (previous?.option === option) return toDto(predictionId, userId, previous);
      const [stored]: VoteRow[] = await manager.query(
        `INSERT INTO votes (prediction_id, user_id, option, cast_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (prediction_id, user_id) DO UPDATE SET option = EXCLUDED.option, changed_at = EXCLUDED.cast_at
         RETURNING option, cast_at, changed_at`,
        [predictionId, userId, option, now],
      );
      await this.outbox.publishInTransaction(manager, VoteCast, {
        predictionId,
        userId,
        option,
        ...(previous ? { previousOption: previous.option } : {}),
        castAt: now.toISOString(),
      });
      return {
        ...toDto(predictionId, userId, stored),
        ...(previous ? { previousOption: previous.option } : {}),
      };
    });
  }

  async mine(userId: string, limit: number): Promise<MyVoteDto[]> {
    const rows: {
      prediction_id: string;
      symbol: string;
      question: string;
      status: PredictionStatus;
      voting_deadline: Date;
      option: number;
      label: string;
      cast_at: Date;
      verify_at: Date;
      correct: boolean | null;
      winning_option: number | null;
    }[] = await this.dataSource.query(
      `SELECT v.prediction_id, p.symbol, p.question, p.status, p.voting_deadline, v.option, o.label, v.cast_at,
              p.verify_at, CASE WHEN p.status = 'verified' THEN v.option = p.winning_option END AS correct,
              p.winning_option
         FROM votes v
         JOIN predictions p ON p.id = v.prediction_id
         JOIN prediction_options o ON o.prediction_id = v.prediction_id AND o.option = v.option
        WHERE v.user_id = $1
        ORDER BY p.verify_at DESC, v.prediction_id
        LIMIT $2`,
      [userId, limit],
    );
    return rows.map((row) => ({
      predictionId: row.prediction_id,
      symbol: row.symbol,
      question: row.question,
      status: effectiveStatus(row.status, row.voting_deadline),
      option: row.option,
      optionLabel: row.label,
      castAt: row.cast_at.toISOString(),
      verifyAt: row.verify_at.toISOString(),
      ...(row.correct !== null ? { correct: row.correct } : {}),
      ...(row.winning_option !== null ? { winningOption: row.winning_option } : {}),
    }));
  }
}

function toDto(predictionId: string, userId: string, row: VoteRow): VoteDto {
  return {
    predictionId,
    userId,
    option: row.option,
    castAt: row.cast_at.toISOString(),
    ...(row.changed_at ? { changedAt: row.changed_at.toISOString() } : {}),
  };
}
