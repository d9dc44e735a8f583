import { Injectable, Logger } from '@nestjs/common';
import type { JobCounts } from '@marketpulse/messaging';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { indicatorWindows } from '../indicators';
import { DailyBarsRepository } from '../signals/daily-bars.repository';
import { SignalDetectionService } from '../signals/signal-detection.service';
import type { ReportKind } from './trend-report';
import { buildTrendReport, type ReportInstrument } from './trend-report.builder';
import { TrendReportsRepository } from './trend-reports.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Enough bars for the 200-day average and six months of momentum, with room for holidays. */
const REPORT_BARS = 260;
const PERIOD_DAYS: Record<ReportKind, number> = { daily: 1, weekly: 7 };

/**
 * Writes the daily report and the weekly summary: every enabled instrument's trend regime, momentum ranks,
 * top movers and the signals that are new since the previous report of the kind. Both kinds detect signals
 * first (idempotent: stored and published once), so the report has this morning's signals whether or not
 * the detect-signals job (or, on Sundays, the other report) ran before it.
 */
@Injectable()
export class TrendReportService {
  private readonly logger = new Logger(TrendReportService.name);

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly bars: DailyBarsRepository,
    private readonly signals: SignalDetectionService,
    private readonly reports: TrendReportsRepository,
  ) {}

  async generate(manager: EntityManager, kind: ReportKind, at: Date): Promise<JobCounts> {
    const detected = await this.signals.detect(manager, at);
    const instruments: ReportInstrument[] = [];
    for (const instrument of await this.catalogue.enabled(manager)) {
      instruments.push({
        symbol: instrument.symbol,
        name: instrument.name,
        category: instrument.category,
        windows: indicatorWindows(instrument.calendar),
        bars: await this.bars.forSymbol(manager, instrument.symbol, REPORT_BARS),
      });
    }
    const from = new Date(at.getTime() - PERIOD_DAYS[kind] * DAY_MS);
    // The week of bars that signal detection publishes, plus the report's own period for the summary.
    const barsSince = new Date(at.getTime() - (PERIOD_DAYS[kind] + 6) * DAY_MS).toISOString().slice(0, 10);
    const fresh = await this.reports.freshSignals(manager, from, at, barsSince);
    // Indicators over 260 bars × the catalogue are CPU work: let HTTP and health answer in between.
    await nextTurn();
    const report = buildTrendReport({
      kind,
      date: at.toISOString().slice(0, 10),
      generatedAt: at,
      window: { from, to: at },
      instruments,
      signals: fresh,
    });
    await this.reports.save(manager, report);
    this.logger.log({ msg: 'trend report written', kind, date: report.date, ...report.summary.regimes });
    return {
      instruments: report.summary.instruments,
      signals: report.signals.length,
      advancing: report.summary.advancing,
      declining: report.summary.declining,
      signalsStored: detected.stored ?? 0,
    };
  }
}
