import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PredictionOutcomesRepository } from '../verification/prediction-outcomes.repository';
import type { PredictionDto } from './dto/prediction.dto';
import { PredictionsRepository } from './predictions.repository';

/** What an admin may do: resolve a manual prediction, cancel any prediction not decided yet. */
@Injectable()
export class PredictionAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly predictions: PredictionsRepository,
    private readonly outcomes: PredictionOutcomesRepository,
  ) {}

  async resolve(id: string, option: number, now = new Date()): Promise<PredictionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.predictions.findRow(manager, id, true);
      if (!row) throw new NotFoundException(`no prediction ${id}`);
      if (row.mode !== 'manual') {
        throw new ConflictException(
          `prediction ${id} is verified automatically from prices; only manual ones are resolved`,
        );
      }
      this.requireUndecided(row.status, id);
      if (now.getTime() < row.voting_deadline.getTime()) {
        throw new ConflictException(`voting on ${id} is open until ${row.voting_deadline.toISOString()}`);
      }
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM prediction_options WHERE prediction_id = $1`,
        [id],
      );
      if (option > count) throw new BadRequestException(`option must be between 1 and ${count}`);
      await this.outcomes.applyVerified(
        manager,
        [
          {
            id,
            symbol: row.symbol,
            mode: 'manual',
            verifyAt: row.verify_at,
            priceAtCreate: row.price_at_create,
            winningOption: option,
          },
        ],
        now,
      );
    });
    return (await this.predictions.find(id))!;
  }

  async cancel(id: string, reason: string, now = new Date()): Promise<PredictionDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.predictions.findRow(manager, id, true);
      if (!row) throw new NotFoundException(`no prediction ${id}`);
      this.requireUndecided(row.status, id);
      await this.outcomes.applyEnded(manager, [{ id, symbol: row.symbol, status: 'cancelled', reason }], now);
    });
    return (await this.predictions.find(id))!;
  }

  private requireUndecided(status: string, id: string): void {
    if (status !== 'active' && status !== 'closed') {
      throw new ConflictException(`prediction ${id} is already ${status}`);
    }
  }
}
