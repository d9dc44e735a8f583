import { Injectable } from '@nestjs/common';
import type { PortfolioAlertKind } from '@marketpulse/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { trimZeros } from '../money/decimal-text';
import type { MilestoneDirection } from './alert-rules';
import type { AlertDto, AlertFiringDto } from './dto/alert.dto';

interface AlertRow {
  id: string;
  kind: PortfolioAlertKind;
  symbol: string | null;
  threshold: string;
  direction: MilestoneDirection | null;
  cooldown_sec: number;
  active: boolean;
  last_triggered_at: Date | null;
  created_at: Date;
}

interface FiringRow {
  id: string;
  alert_id: string;
  kind: PortfolioAlertKind;
  symbol: string | null;
  threshold: string;
  observed: string;
  trigger: string;
  fired_at: Date;
}

const toAlertDto = (row: AlertRow): AlertDto => ({
  id: row.id,
  kind: row.kind,
  ...(row.symbol ? { symbol: row.symbol } : {}),
  threshold: trimZeros(row.threshold),
  ...(row.direction ? { direction: row.direction } : {}),
  cooldownSeconds: row.cooldown_sec,
  active: row.active,
  ...(row.last_triggered_at ? { lastTriggeredAt: row.last_triggered_at.toISOString() } : {}),
  createdAt: row.created_at.toISOString(),
});

const toFiringDto = (row: FiringRow): AlertFiringDto => ({
  id: row.id,
  alertId: row.alert_id,
  kind: row.kind,
  ...(row.symbol ? { symbol: row.symbol } : {}),
  threshold: trimZeros(row.threshold),
  observed: trimZeros(row.observed),
  trigger: row.trigger,
  firedAt: row.fired_at.toISOString(),
});

const COLUMNS = 'id, kind, symbol, threshold, direction, cooldown_sec, active, last_triggered_at, created_at';

/** Alerts of one portfolio; the caller has checked the portfolio belongs to the user. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    portfolioId: string,
    kind: PortfolioAlertKind,
    symbol: string | undefined,
    threshold: string,
    cooldownSec: number,
    direction: MilestoneDirection | undefined,
  ): Promise<AlertDto> {
    const [row]: AlertRow[] = await this.dataSource.query(
      `INSERT INTO alerts (id, portfolio_id, kind, symbol, threshold, cooldown_sec, direction)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        portfolioId,
        kind,
        symbol ?? null,
        threshold,
        cooldownSec,
        kind === 'value_milestone' ? (direction ?? 'up') : null,
      ],
    );
    return toAlertDto(row);
  }

  async list(portfolioId: string): Promise<AlertDto[]> {
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM alerts WHERE portfolio_id = $1 ORDER BY created_at, id`,
      [portfolioId],
    );
    return rows.map(toAlertDto);
  }

  async find(portfolioId: string, id: string): Promise<AlertDto | undefined> {
    const [row]: AlertRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM alerts WHERE portfolio_id = $1 AND id = $2`,
      [portfolioId, id],
    );
    return row && toAlertDto(row);
  }

  /** A changed threshold re-arms the alert: it is a new condition. */
  async update(
    portfolioId: string,
    id: string,
    changes: { threshold?: string; cooldownSeconds?: number; active?: boolean },
  ): Promise<AlertDto | undefined> {
    const [row]: AlertRow[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE alerts SET threshold = COALESCE($3, threshold), cooldown_sec = COALESCE($4, cooldown_sec),
                active = COALESCE($5, active), armed = armed OR $3 IS NOT NULL
          WHERE portfolio_id = $1 AND id = $2 RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [portfolioId, id, changes.threshold ?? null, changes.cooldownSeconds ?? null, changes.active ?? null],
    );
    return row && toAlertDto(row);
  }

  async delete(portfolioId: string, id: string): Promise<boolean> {
    const deleted: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM alerts WHERE portfolio_id = $1 AND id = $2 RETURNING 1) SELECT 1 FROM gone`,
      [portfolioId, id],
    );
    return deleted.length > 0;
  }

  /** Firings of the portfolio's alerts (or of one alert), newest first. */
  async history(portfolioId: string, alertId: string | undefined, limit: number): Promise<AlertFiringDto[]> {
    const rows: FiringRow[] = await this.dataSource.query(
      `SELECT id, alert_id, kind, symbol, threshold, observed, trigger, fired_at FROM alert_firings
        WHERE portfolio_id = $1 AND ($2::uuid IS NULL OR alert_id = $2) ORDER BY fired_at DESC, id LIMIT $3`,
      [portfolioId, alertId ?? null, limit],
    );
    return rows.map(toFiringDto);
  }
}
