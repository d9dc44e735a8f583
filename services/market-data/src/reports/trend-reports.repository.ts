import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportKind, TrendReport, TrendReportSignal } from './trend-report';

export interface ReportListing {
  kind: ReportKind;
  date: string;
  generatedAt: string;
  summary: TrendReport['summary'];
}

@Injectable()
export class TrendReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(manager: EntityManager, report: TrendReport): Promise<void> {
    await manager.query(
      `INSERT INTO trend_reports (kind, date, generated_at, report) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, date) DO UPDATE SET generated_at = excluded.generated_at, report = excluded.report`,
      [report.kind, report.date, report.generatedAt, JSON.stringify(report)],
    );
  }

  /**
   * Signals first detected inside the window whose bar is recent too: the first run after a backfill
   * detects a year of history at once, and a cross from last spring is not news.
   */
  freshSignals(
    manager: EntityManager,
    from: Date,
    to: Date,
    barsSince: string,
  ): Promise<TrendReportSignal[]> {
    return manager.query(
      `SELECT symbol, date::text AS date, type, direction, strength::text AS strength FROM signals
        WHERE detected_at > $1 AND detected_at <= $2 AND date >= $3
        ORDER BY date DESC, symbol, type`,
      [from, to, barsSince],
    );
  }

  async find(kind: ReportKind, date?: string): Promise<TrendReport | undefined> {
    const rows: { report: TrendReport }[] = await this.dataSource.query(
      date === undefined
        ? `SELECT report FROM trend_reports WHERE kind = $1 ORDER BY date DESC LIMIT 1`
        : `SELECT report FROM trend_reports WHERE kind = $1 AND date = $2`,
      date === undefined ? [kind] : [kind, date],
    );
    return rows[0]?.report;
  }

  list(kind: ReportKind | undefined, limit: number): Promise<ReportListing[]> {
    return this.dataSource.query(
      `SELECT kind, date::text AS date, generated_at AS "generatedAt", report -> 'summary' AS summary
         FROM trend_reports WHERE $1::text IS NULL OR kind = $1
        ORDER BY date DESC, kind LIMIT $2`,
      [kind ?? null, limit],
    );
  }
}
