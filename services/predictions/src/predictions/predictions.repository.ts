import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PredictionDto, PredictionStatus } from './dto/prediction.dto';
import { effectiveStatus } from './effective-status';

export interface NewPrediction {
  id: string;
  symbol: string;
  question: string;
  mode: 'auto' | 'manual';
  createdBy: string;
  createdAt: Date;
  votingDeadline: Date;
  verifyAt: Date;
  priceAtCreate: string;
  priceAtCreateAsOf: Date;
  currency: string;
  options: { option: number; label: string; condition: string }[];
}

export interface PredictionRow {
  id: string;
  symbol: string;
  question: string;
  mode: 'auto' | 'manual';
  status: PredictionStatus;
  status_reason: string | null;
  created_by: string;
  created_at: Date;
  voting_deadline: Date;
  verify_at: Date;
  price_at_create: string;
  price_at_create_as_of: Date;
  currency: string;
  price_at_verify: string | null;
  price_at_verify_as_of: Date | null;
  change_percent: string | null;
  winning_option: number | null;
  ended_at: Date | null;
}

export interface ListFilter {
  statuses?: PredictionStatus[];
  symbol?: string;
  closingBefore?: Date;
  after?: { key: Date; id: string };
  limit: number;
}

const COLUMNS = `id, symbol, question, mode, status, status_reason, created_by, created_at, voting_deadline,
  verify_at, price_at_create, price_at_create_as_of, currency, price_at_verify, price_at_verify_as_of,
  change_percent, winning_option, ended_at`;

/** Data access for predictions and their options; the rules live in the services. */
@Injectable()
export class PredictionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, prediction: NewPrediction): Promise<void> {
    await manager.query(
      `INSERT INTO predictions (id, symbol, question, mode, created_by, created_at, voting_deadline, verify_at,
         price_at_create, price_at_create_as_of, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        prediction.id,
        prediction.symbol,
        prediction.question,
        prediction.mode,
        prediction.createdBy,
        prediction.createdAt,
        prediction.votingDeadline,
        prediction.verifyAt,
        prediction.priceAtCreate,
        prediction.priceAtCreateAsOf,
        prediction.currency,
      ],
    );
    await manager.query(
      `INSERT INTO prediction_options (prediction_id, option, label, condition)
       SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::text[])`,
      [
        prediction.id,
        prediction.options.map((option) => option.option),
        prediction.options.map((option) => option.label),
        prediction.options.map((option) => option.condition),
      ],
    );
  }

  /** The row, locked for the rest of the transaction when `lock` is set. */
  async findRow(manager: EntityManager, id: string, lock = false): Promise<PredictionRow | undefined> {
    const [row]: PredictionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM predictions WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PredictionDto | undefined> {
    const row = await this.findRow(manager, id);
    if (!row) return undefined;
    const [dto] = await this.withOptions(manager, [row]);
    return dto;
  }

  /** Keyset pagination: by creation (newest first), or by voting deadline (soonest first) when closing soon. */
  async list(filter: ListFilter): Promise<{ items: PredictionDto[]; rows: PredictionRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.statuses?.length) where.push(`status = ANY(${param(filter.statuses)}::text[])`);
    if (filter.symbol) where.push(`symbol = ${param(filter.symbol)}`);
    const closing = filter.closingBefore !== undefined;
    if (closing) where.push(`status = 'active' AND voting_deadline <= ${param(filter.closingBefore)}`);
    if (filter.after) {
      const key = param(filter.after.key);
      const id = param(filter.after.id);
      where.push(closing ? `(voting_deadline, id) > (${key}, ${id})` : `(created_at, id) < (${key}, ${id})`);
    }
    const order = closing ? 'voting_deadline ASC, id ASC' : 'created_at DESC, id DESC';
    const rows: PredictionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM predictions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ${param(filter.limit)}`,
      params,
    );
    return { items: await this.withOptions(this.dataSource.manager, rows), rows };
  }

  private async withOptions(manager: EntityManager, rows: PredictionRow[]): Promise<PredictionDto[]> {
    if (rows.length === 0) return [];
    const options: {
      prediction_id: string;
      option: number;
      label: string;
      condition: string;
      votes: number;
    }[] = await manager.query(
      `SELECT o.prediction_id, o.option, o.label, o.condition, count(v.user_id)::int AS votes
           FROM prediction_options o
           LEFT JOIN votes v ON v.prediction_id = o.prediction_id AND v.option = o.option
          WHERE o.prediction_id = ANY($1::uuid[])
          GROUP BY o.prediction_id, o.option, o.label, o.condition
          ORDER BY o.prediction_id, o.option`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) => {
      const own = options.filter((option) => option.prediction_id === row.id);
      return toDto(row, own);
    });
  }
}

function toDto(
  row: PredictionRow,
  options: { option: number; label: string; condition: string; votes: number }[],
): PredictionDto {
  const dto: PredictionDto = {
    id: row.id,
    symbol: row.symbol,
    question: row.question,
    mode: row.mode,
    status: effectiveStatus(row.status, row.voting_deadline),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    votingDeadline: row.voting_deadline.toISOString(),
    verifyAt: row.verify_at.toISOString(),
    priceAtCreate: trimZeros(row.price_at_create),
    priceAtCreateAsOf: row.price_at_create_as_of.toISOString(),
    currency: row.currency,
    options: options.map((option) => ({
      option: option.option,
      label: option.label,
      condition: option.condition,
      votes: option.votes,
      ...(row.winning_option !== null ? { won: option.option === row.winning_option } : {}),
    })),
    totalVotes: options.reduce((sum, option) => sum + option.votes, 0),
  };
  if (row.status_reason) dto.statusReason = row.status_reason;
  if (row.ended_at) dto.endedAt = row.ended_at.toISOString();
  if (row.winning_option !== null) {
    dto.outcome = { winningOption: row.winning_option };
    if (row.price_at_verify) dto.outcome.priceAtVerify = trimZeros(row.price_at_verify);
    if (row.price_at_verify_as_of) dto.outcome.priceAtVerifyAsOf = row.price_at_verify_as_of.toISOString();
    if (row.change_percent !== null) dto.outcome.changePercent = row.change_percent;
  }
  return dto;
}

/** numeric(24,8) comes back as "2391.45000000"; show "2391.45". */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
