import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { VcIpoUpdated, type IpoStage, type VcIpoUpdatedV1 } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import Decimal from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { IpoRow } from '../dataset/dataset-rows';
import { canTransition, describeRefusal, isReachable } from './ipo-stage-machine';

interface StoredIpo {
  company_id: string;
  company_name: string;
  stage: IpoStage;
  exchange: string | null;
  ticker: string | null;
  expected_on: string | null;
  valuation: string | null;
  price: string | null;
  currency: string;
}

export interface IpoWriteCounts {
  inserted: number;
  changed: number;
  unchanged: number;
  /** Feed rows that would move an IPO backwards (or out of a final stage): kept as they were. */
  refused: number;
}

const SELECT_IPO = `SELECT i.company_id, c.name AS company_name, i.stage, i.exchange, i.ticker,
    to_char(i.expected_on, 'YYYY-MM-DD') AS expected_on, i.valuation::text, i.price::text, i.currency
  FROM ipos i JOIN companies c ON c.id = i.company_id`;

const same = (a: string | null | undefined, b: string | null | undefined, numeric = false): boolean => {
  const left = a ?? null;
  const right = b ?? null;
  return numeric && left !== null && right !== null ? new Decimal(left).equals(right) : left === right;
};

/**
 * The IPO pipeline's only writer. Every change goes through the stage machine, is recorded in
 * `ipo_transitions`, and publishes `vc.ipo.updated` in the same transaction.
 */
@Injectable()
export class IpoWriter {
  private readonly logger = new Logger(IpoWriter.name);

  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly dataSource: DataSource,
  ) {}

  /** From a feed or an import: new IPOs enter, known ones may skip stages forward but never go back. */
  async applyFeed(manager: EntityManager, rows: readonly IpoRow[], source: string): Promise<IpoWriteCounts> {
    const counts: IpoWriteCounts = { inserted: 0, changed: 0, unchanged: 0, refused: 0 };
    if (rows.length === 0) return counts;
    const stored: StoredIpo[] = await manager.query(
      `${SELECT_IPO} WHERE i.company_id = ANY($1) ORDER BY i.company_id FOR UPDATE OF i`,
      [rows.map((row) => row.companyId)],
    );
    const byCompany = new Map(stored.map((row) => [row.company_id, row]));
    const events: VcIpoUpdatedV1[] = [];
    for (const row of rows) {
      const before = byCompany.get(row.companyId);
      if (before && before.stage !== row.stage && !isReachable(before.stage, row.stage)) {
        counts.refused++;
        this.logger.warn({
          msg: 'feed would move an IPO backwards; kept',
          companyId: row.companyId,
          from: before.stage,
          to: row.stage,
        });
        continue;
      }
      if (before && this.unchanged(before, row)) {
        counts.unchanged++;
        continue;
      }
      events.push(await this.write(manager, row, before?.stage, source));
      counts[before ? 'changed' : 'inserted']++;
    }
    await this.outbox.publishAllInTransaction(
      manager,
      events.map((payload) => ({ contract: VcIpoUpdated, payload })),
    );
    return counts;
  }

  /** `advance` in a transaction of its own (the HTTP path). */
  advanceAlone(
    companyId: string,
    change: Parameters<IpoWriter['advance']>[2],
    source: string,
  ): Promise<VcIpoUpdatedV1> {
    return this.dataSource.transaction((manager) => this.advance(manager, companyId, change, source));
  }

  /** One step of the machine through the API; anything else is refused with the allowed moves named. */
  async advance(
    manager: EntityManager,
    companyId: string,
    change: Omit<IpoRow, 'companyId' | 'currency'> & { currency?: string },
    source: string,
  ): Promise<VcIpoUpdatedV1> {
    const [before]: StoredIpo[] = await manager.query(
      `${SELECT_IPO} WHERE i.company_id = $1 FOR UPDATE OF i`,
      [companyId],
    );
    if (!before) throw new NotFoundException(`No IPO in the pipeline for company '${companyId}'`);
    if (!canTransition(before.stage, change.stage)) {
      throw new ConflictException(describeRefusal(before.stage, change.stage));
    }
    const next: IpoRow = {
      companyId,
      stage: change.stage,
      exchange: change.exchange ?? before.exchange ?? undefined,
      ticker: change.ticker ?? before.ticker ?? undefined,
      expectedOn: change.expectedOn ?? before.expected_on ?? undefined,
      valuation: change.valuation ?? before.valuation ?? undefined,
      price: change.price ?? before.price ?? undefined,
      currency: change.currency ?? before.currency,
    };
    if (next.stage === 'listed' && (!next.ticker || !next.price || !next.exchange)) {
      throw new UnprocessableEntityException(
        'Listing needs a ticker, an exchange and a price (give them now or when priced)',
      );
    }
    if (next.stage === 'priced' && !next.price) {
      throw new UnprocessableEntityException('Pricing an IPO needs its price');
    }
    const event = await this.write(manager, next, before.stage, source);
    await this.outbox.publishInTransaction(manager, VcIpoUpdated, event);
    return event;
  }

  private unchanged(before: StoredIpo, row: IpoRow): boolean {
    return (
      before.stage === row.stage &&
      same(before.exchange, row.exchange) &&
      same(before.ticker, row.ticker) &&
      same(before.expected_on, row.expectedOn) &&
      same(before.valuation, row.valuation, true) &&
      same(before.price, row.price, true) &&
      before.currency === row.currency
    );
  }

  private async write(
    manager: EntityManager,
    row: IpoRow,
    fromStage: IpoStage | undefined,
    source: string,
  ): Promise<VcIpoUpdatedV1> {
    const [written]: { company_name: string; changed_at: Date }[] = await manager.query(
      `WITH written AS (
         INSERT INTO ipos AS t (company_id, stage, exchange, ticker, expected_on, valuation, price, currency, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (company_id) DO UPDATE SET stage = EXCLUDED.stage, exchange = EXCLUDED.exchange,
           ticker = EXCLUDED.ticker, expected_on = EXCLUDED.expected_on, valuation = EXCLUDED.valuation,
           price = EXCLUDED.price, currency = EXCLUDED.currency, source = EXCLUDED.source,
           imported_at = now(), updated_at = now()
         RETURNING t.company_id, t.updated_at
       ) SELECT c.name AS company_name, w.updated_at AS changed_at FROM written w JOIN companies c ON c.id = w.company_id`,
      [
        row.companyId,
        row.stage,
        row.exchange ?? null,
        row.ticker ?? null,
        row.expectedOn ?? null,
        row.valuation ?? null,
        row.price ?? null,
        row.currency,
        source,
      ],
    );
    if (fromStage !== row.stage) {
      await manager.query(
        `INSERT INTO ipo_transitions (company_id, from_stage, to_stage, source) VALUES ($1, $2, $3, $4)`,
        [row.companyId, fromStage ?? null, row.stage, source],
      );
    }
    return {
      companyId: row.companyId,
      companyName: written.company_name,
      ...(fromStage ? { fromStage } : {}),
      toStage: row.stage,
      ...(row.exchange ? { exchange: row.exchange } : {}),
      ...(row.ticker ? { ticker: row.ticker } : {}),
      ...(row.price ? { price: row.price } : {}),
      ...(row.valuation ? { valuation: row.valuation } : {}),
      currency: row.currency,
      ...(row.expectedOn ? { expectedOn: row.expectedOn } : {}),
      changedAt: written.changed_at.toISOString(),
      source,
    };
  }
}
