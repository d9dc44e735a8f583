import { Injectable, Logger } from '@nestjs/common';
import { SignalDetected, type SignalDetectedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId, type JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { detectSignals, type Signal } from '../indicators';
import { DailyBarsRepository } from './daily-bars.repository';

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
  ) {}

  async detect(manager: EntityManager, now: Date): Promise<JobCounts> {
    const instruments = await this.catalogue.enabled(manager);
    const publishFrom = new Date(now.getTime() - PUBLISH_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
    let detected = 0;
    let stored = 0;
    let published = 0;
    let failed = 0;
    for (const instrument of instruments) {
      let signals: Signal[];
      try {
        signals = detectSignals(instrument.symbol, await this.bars.forSymbol(manager, instrument.symbol));
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
          options: { id: deterministicEventId(`signal:${signal.symbol}:${signal.date}:${signal.type}`) },
        })),
      );
      published += recent.length;
    }
    return { instruments: instruments.length, detected, stored, published, failed };
  }

  private async store(manager: EntityManager, signals: Signal[], now: Date): Promise<Signal[]> {
    if (signals.length === 0) return [];
    const inserted: { date: string; type: string }[] = await manager.query(
      `INSERT INTO signals (symbol, date, type, direction, strength, fast, slow, distance, detected_at)
       SELECT $1, * , $9::timestamptz FROM unnest($2::date[], $3::text[], $4::text[], $5::numeric[], $6::numeric[],
                                   $7::numeric[], $8::numeric[])
       ON CONFLICT (symbol, date, type) DO NOTHING
       RETURNING date::text AS date, type`,
      [
        signals[0].symbol,
        signals.map((signal) => signal.date),
        signals.map((signal) => signal.type),
        signals.map((signal) => signal.direction),
        signals.map((signal) => signal.strength),
        signals.map((signal) => signal.fast ?? null),
        signals.map((signal) => signal.slow ?? null),
        signals.map((signal) => signal.distance ?? null),
        now,
      ],
    );
    const fresh = new Set(inserted.map((row) => `${row.date}/${row.type}`));
    return signals.filter((signal) => fresh.has(`${signal.date}/${signal.type}`));
  }
}

function toEvent(signal: Signal, now: Date): SignalDetectedV1 {
  return {
    symbol: signal.symbol,
    date: signal.date,
    type: signal.type,
    direction: signal.direction,
    strength: signal.strength,
    ...(signal.fast !== undefined ? { fast: signal.fast } : {}),
    ...(signal.slow !== undefined ? { slow: signal.slow } : {}),
    ...(signal.distance !== undefined ? { distance: signal.distance } : {}),
    detectedAt: now.toISOString(),
  };
}
