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
import { canTransition, describeRefusal, isFinal, pathTo } from './ipo-stage-machine';

export interface StoredIpo {
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

export const SELECT_IPO = `SELECT i.company_id, c.name AS company_name, i.stage, i.exchange, i.ticker,
    to_char(i.expected_on, 'YYYY-MM-DD') AS expected_on, i.valuation::text, i.price::text, i.currency
  FROM ipos i JOIN companies c ON c.id = i.company_id`;

const same = (a: string | null | undefined, b: string | null | undefined, numeric = false): boolean => {
  const left = a ?? null;
  const right = b ?? null;
  return numeric && left !== null && right !== null ? new Decimal(left).equals(right) : left === right;
};

/** Whether a feed or import row says nothing new about a stored IPO. */
export function sameIpo(before: StoredIpo, row: IpoRow): boolean {
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

  /**
   * From a feed or an import: new IPOs enter; known ones may skip stages forward (each skipped stage
   * recorded and published as its own move) but never go back, and one in a final stage never changes.
   */
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
      if (before && sameIpo(before, row)) {
        counts.unchanged++;
        continue;
      }
      const steps = before
        ? before.stage === row.stage
          ? []
          : pathTo(before.stage, row.stage)
        : [row.stage];
      if (!steps || (before && isFinal(before.stage))) {
        counts.refused++;
        this.logger.warn({
          msg: 'feed would move an IPO backwards or change a final one; kept',
          companyId: row.companyId,
          from: before!.stage,
          to: row.stage,
        });
        continue;
      }
      events.push(...(await this.write(manager, row, before?.stage, steps, source)));
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
    const [event] = await this.write(manager, next, before.stage, [next.stage], source);
    await this.outbox.publishInTransaction(manager, VcIpoUpdated, event);
    return event;
  }

  /**
   * Stores the IPO as `row` says, and one transition and one event per stage in `steps` (empty: the same
   * stage with other details, one event without a move).
   */
  private async write(
    manager: EntityManager,
    row: IpoRow,
    fromStage: IpoStage | undefined,
    steps: readonly IpoStage[],
    source: string,
  ): Promise<VcIpoUpdatedV1[]> {
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
    if (steps.includes('listed')) {
      await manager.query(`UPDATE companies SET status = 'public' WHERE id = $1 AND status <> 'public'`, [
        row.companyId,
      ]);
    }
    const moves = steps.map((to, index) => ({ from: index === 0 ? fromStage : steps[index - 1], to }));
    if (moves.length > 0) {
      await manager.query(
        // clock_timestamp, not now(): the steps of one write keep their order in the history.
        `INSERT INTO ipo_transitions (company_id, from_stage, to_stage, changed_at, source)
         SELECT $1, step.from_stage, step.to_stage, clock_timestamp(), $4
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS step(from_stage, to_stage, n) ORDER BY n`,
        [row.companyId, moves.map((move) => move.from ?? null), moves.map((move) => move.to), source],
      );
    }
    const event = (move: { from?: IpoStage; to: IpoStage }): VcIpoUpdatedV1 => ({
      companyId: row.companyId,
      companyName: written.company_name,
      ...(move.from ? { fromStage: move.from } : {}),
      toStage: move.to,
      ...(row.exchange ? { exchange: row.exchange } : {}),
      ...(row.ticker ? { ticker: row.ticker } : {}),
      ...(row.price ? { price: row.price } : {}),
      ...(row.valuation ? { valuation: row.valuation } : {}),
      currency: row.currency,
      ...(row.expectedOn ? { expectedOn: row.expectedOn } : {}),
      changedAt: written.changed_at.toISOString(),
      source,
    });
    return moves.length > 0 ? moves.map(event) : [event({ from: fromStage, to: row.stage })];
  }
}
