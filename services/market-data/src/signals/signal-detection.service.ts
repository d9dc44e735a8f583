import { Injectable, Logger } from '@nestjs/common';
import { SignalDetected, type SignalDetectedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId, type JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { detectSignals, indicatorWindows, type Signal } from '../indicators';
import { MarketDataConfig } from '../market-data.config';
import { DailyBarsRepository } from './daily-bars.repository';
import { SIGNAL_DETECTION_BARS } from './signal-pair';
import { labelSynthetic, type SourcedSignal } from './signal-synthetic';

/** Signals older than this are stored (for /signals) but not published: subscribers want news, not a year. */
const PUBLISH_WITHIN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily signal run: every enabled instrument's bars through the detectors; a signal not seen
 * before is stored and, when recent, published as `signal.detected.<SYM>` in the same transaction.
 */
@Injectable()
export class SignalDetectionService {
  private readonly logger = new Logger(SignalDetectionService.name);

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly bars: DailyBarsRepository,
    private readonly outbox: OutboxPublisher,
    private readonly config: MarketDataConfig,
  ) {}

  async detect(manager: EntityManager, now: Date): Promise<JobCounts> {
    const instruments = await this.catalogue.enabled(manager);
    const publishFrom = new Date(now.getTime() - PUBLISH_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
    let detected = 0;
    let stored = 0;
    let published = 0;
    let failed = 0;
    for (const instrument of instruments) {
      let signals: SourcedSignal[];
      try {
        const bars = await this.bars.forSymbol(manager, instrument.symbol, SIGNAL_DETECTION_BARS);
        const yearBars = indicatorWindows(instrument.calendar).year;
        const found = detectSignals(instrument.symbol, bars, {
          yearBars,
          pair: { fast: this.config.SIGNAL_FAST_PERIOD, slow: this.config.SIGNAL_SLOW_PERIOD },
        });
        signals = labelSynthetic(found, bars, yearBars);
      } catch (error) {
        // Bad bars for one instrument must not stop the others.
        failed++;
        this.logger.error({ msg: 'signal detection failed', symbol: instrument.symbol, err: error });
        continue;
      }
      detected += signals.length;
      const fresh = await this.store(manager, signals, now);
      stored += fresh.length;
      const recent = fresh.filter((signal) => signal.date >= publishFrom);
      await this.outbox.publishAllInTransaction(
        manager,
        recent.map((signal) => ({
          contract: SignalDetected,
          payload: toEvent(signal, now),
          options: { id: deterministicEventId(eventKey(signal)) },
        })),
      );
      published += recent.length;
    }
    return { instruments: instruments.length, detected, stored, published, failed };
  }

  private async store(manager: EntityManager, signals: SourcedSignal[], now: Date): Promise<SourcedSignal[]> {
    if (signals.length === 0) return [];
    // The conflict is on signals_key: (symbol, date, type) and the periods, NULL read as 0.
    const inserted: Pick<Signal, 'date' | 'type' | 'fastPeriod' | 'slowPeriod'>[] = await manager.query(
      `INSERT INTO signals (symbol, date, type, direction, strength, fast, slow, distance, fast_period, slow_period,
                            synthetic, detected_at)
       SELECT $1, * , $12::timestamptz FROM unnest($2::date[], $3::text[], $4::text[], $5::numeric[], $6::numeric[],
                                   $7::numeric[], $8::numeric[], $9::smallint[], $10::smallint[], $11::boolean[])
       ON CONFLICT DO NOTHING
       RETURNING date::text AS date, type, fast_period AS "fastPeriod", slow_period AS "slowPeriod"`,
      [
        signals[0].symbol,
        signals.map((signal) => signal.date),
        signals.map((signal) => signal.type),
        signals.map((signal) => signal.direction),
        signals.map((signal) => signal.strength),
        signals.map((signal) => signal.fast ?? null),
        signals.map((signal) => signal.slow ?? null),
        signals.map((signal) => signal.distance ?? null),
        signals.map((signal) => signal.fastPeriod ?? null),
        signals.map((signal) => signal.slowPeriod ?? null),
        signals.map((signal) => signal.synthetic),
        now,
      ],
    );
    const fresh = new Set(inserted.map(rowKey));
    return signals.filter((signal) => fresh.has(rowKey(signal)));
  }
}

function toEvent(signal: SourcedSignal, now: Date): SignalDetectedV1 {
  return {
    symbol: signal.symbol,
    date: signal.date,
    type: signal.type,
    direction: signal.direction,
    strength: signal.strength,
    ...(signal.fast !== undefined ? { fast: signal.fast } : {}),
    ...(signal.slow !== undefined ? { slow: signal.slow } : {}),
    ...(signal.distance !== undefined ? { distance: signal.distance } : {}),
    ...(signal.fastPeriod !== undefined ? { fastPeriod: signal.fastPeriod } : {}),
    ...(signal.slowPeriod !== undefined ? { slowPeriod: signal.slowPeriod } : {}),
    synthetic: signal.synthetic,
    detectedAt: now.toISOString(),
  };
}

function rowKey(signal: Pick<Signal, 'date' | 'type' | 'fastPeriod' | 'slowPeriod'>): string {
  return `${signal.date}/${signal.type}/${signal.fastPeriod ?? ''}/${signal.slowPeriod ?? ''}`;
}

/** Pair crosses name their pair: after a change of pair, the new pair's cross is another event. */
function eventKey(signal: Signal): string {
  const key = `signal:${signal.symbol}:${signal.date}:${signal.type}`;
  return signal.type.startsWith('pair_') ? `${key}:${signal.fastPeriod}/${signal.slowPeriod}` : key;
}
