import { Injectable } from '@nestjs/common';
import { PortfolioSnapshotCreated } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { trimZeros } from '../money/decimal-text';
import { ValuationService } from '../valuation/valuation.service';
import { SnapshotsRepository } from './snapshots.repository';

/** The 16:00 job: a snapshot of every portfolio for the slot's day, and one event per snapshot. */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly snapshots: SnapshotsRepository,
    private readonly valuation: ValuationService,
    private readonly outbox: OutboxPublisher,
  ) {}

  async snapshotAll(manager: EntityManager, slot: Date, runId: string, now = new Date()): Promise<number> {
    const day = slot.toISOString().slice(0, 10);
    const taken = await this.snapshots.takeAll(manager, day, now, this.valuation.staleBefore(now));
    await this.outbox.publishAllInTransaction(
      manager,
      taken.map((row) => ({
        contract: PortfolioSnapshotCreated,
        payload: {
          portfolioId: row.portfolio_id,
          ownerId: row.owner_id,
          day: row.day,
          baseCurrency: row.base_currency,
          value: trimZeros(row.value),
          costBasis: trimZeros(row.cost_basis),
          cash: trimZeros(row.cash),
          stale: row.stale,
          takenAt: row.taken_at.toISOString(),
        },
        options: { id: deterministicEventId(`portfolio.snapshot/${row.portfolio_id}/${row.day}/${runId}`) },
      })),
    );
    return taken.length;
  }
}
