import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { trimZeros } from '../money/decimal-text';
import type { CostMethod } from '../transactions/transaction-types';
import type { PortfolioDto } from './dto/portfolio.dto';

export interface PortfolioRow {
  id: string;
  owner_id: string;
  name: string;
  base_currency: string;
  cost_method: CostMethod;
  value: string;
  stale: boolean;
  /** The oldest price or rate behind `value` (-infinity: one is missing); null when nothing is held. */
  priced_as_of: Date | number | null;
  valued_at: Date | null;
  created_at: Date;
}

/**
 * `stale` as of now, from the oldest price or rate behind the value: one that was fresh enough when the
 * portfolio was revalued goes stale with time, whether or not anything was revalued since.
 */
export const toPortfolioDto = (row: PortfolioRow, staleBefore: Date): PortfolioDto => ({
  id: row.id,
  name: row.name,
  baseCurrency: row.base_currency,
  costMethod: row.cost_method,
  value: trimZeros(row.value),
  stale: isStale(row.priced_as_of, staleBefore),
  ...(row.valued_at ? { valuedAt: row.valued_at.toISOString() } : {}),
  createdAt: row.created_at.toISOString(),
});

/** node-postgres reads '-infinity' as the number -Infinity rather than a Date. */
const isStale = (pricedAsOf: Date | number | null, staleBefore: Date): boolean =>
  pricedAsOf !== null && Number(pricedAsOf) < staleBefore.getTime();

const COLUMNS =
  'id, owner_id, name, base_currency, cost_method, value, stale, priced_as_of, valued_at, created_at';

/** Portfolios are always read through their owner: another user's portfolio simply is not found. */
@Injectable()
export class PortfoliosRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    owner: string,
    name: string,
    baseCurrency: string,
    costMethod: CostMethod,
  ): Promise<PortfolioRow> {
    const [row]: PortfolioRow[] = await this.dataSource.query(
      `INSERT INTO portfolios (id, owner_id, name, base_currency, cost_method) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [randomUUID(), owner, name, baseCurrency, costMethod],
    );
    return row;
  }

  async listOwned(owner: string): Promise<PortfolioRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM portfolios WHERE owner_id = $1 ORDER BY created_at, id`,
      [owner],
    );
  }

  /** The owner's portfolio; `lock` takes its row lock, which serialises changes to its transactions. */
  async findOwned(
    id: string,
    owner: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<PortfolioRow | undefined> {
    const [row]: PortfolioRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM portfolios WHERE id = $1 AND owner_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, owner],
    );
    return row;
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { name?: string; baseCurrency?: string; costMethod?: CostMethod },
  ): Promise<void> {
    await manager.query(
      `UPDATE portfolios SET name = COALESCE($2, name), base_currency = COALESCE($3, base_currency),
              cost_method = COALESCE($4, cost_method), updated_at = now()
        WHERE id = $1`,
      [id, changes.name ?? null, changes.baseCurrency ?? null, changes.costMethod ?? null],
    );
  }

  async delete(id: string, owner: string): Promise<boolean> {
    const deleted: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM portfolios WHERE id = $1 AND owner_id = $2 RETURNING 1) SELECT 1 FROM gone`,
      [id, owner],
    );
    return deleted.length > 0;
  }
}
