import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CandleClosed,
  FxRateUpdated,
  PriceUpdated,
  type CandleClosedV1,
  type EventContract,
  type PriceUpdatedV1,
} from '@marketpulse/contracts';
import {
  OutboxPublisher,
  deterministicEventId,
  type JobCounts,
  type PublishOptions,
} from '@marketpulse/messaging';
import { MetricsService } from '@marketpulse/observability';
import Decimal from 'decimal.js';
import { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Instrument } from '../catalogue/instrument.entity';
import { isTradingAt } from '../catalogue/trading-calendar';
import { fxRateEvent } from '../fx/fx-rate-event';
import { IntradayRollupRepository, type ClosedBarRow } from '../history/intraday-rollup.repository';
import { isoDate } from '../history/trading-days';
import { MarketDataConfig } from '../market-data.config';
import { PRICE_PROVIDER, type PriceProvider, type PriceQuote } from '../providers/price-provider';
import { insaneQuote } from './price-sanity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the providers answered for one refresh slot, before anything is stored. */
export interface QuoteRound {
  asOf: Date;
  /** Enabled instruments, trading or not. */
  instruments: number;
  trading: Instrument[];
  due: Instrument[];
  answered: PriceQuote[];
}

interface PreviousRow {
  symbol: string;
  price: string;
  as_of: Date;
  source: string;
}

/** Why a quote says nothing new: see PriceRefreshService.notNew. */
type NotNew = 'unchanged' | 'older';

/**
 * One price refresh: quote every instrument that is trading at `asOf` (outside any transaction), then in
 * the job's transaction store latest and history and publish `price.updated.<SYM>` (and
 * `fx.rate.updated.<PAIR>` for FX pairs) through the outbox. The latest rows are locked, so two replicas
 * refreshing at once queue up instead of interleaving; a symbol already priced for the slot (a late tick)
 * changes nothing. A quote at the stored quote's time (a closed market's last quote, asked again) is counted
 * as unchanged, and one older than the stored quote from the same source (a provider lagging behind its own
 * answer) as older: neither is stored or published. An older quote from another source goes through, as
 * providers stamp different clocks (Stooq its quote time, the others the slot). A quote outside the sanity
 * band is rejected (logged, counted, neither stored nor published) and the symbol keeps its last price; so
 * does a symbol no provider answered. All show in the job's counts: the tick is a partial success, not a
 * failure.
 *
 * Accepted ticks are also rolled up into their trading day's bar; the first refresh of a new day moves the
 * earlier days' bars into daily_bars and publishes `candle.closed.<SYM>` for each, once; ticks older than
 * PRICE_TICK_RETENTION_DAYS are pruned. All of it in the same transaction as the prices.
 */
@Injectable()
export class PriceRefreshService {
  private readonly logger = new Logger(PriceRefreshService.name);
  private readonly rejected: Counter<'symbol' | 'source' | 'reason'>;
  private readonly repeated: Counter<'symbol' | 'source' | 'reason'>;

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly outbox: OutboxPublisher,
    private readonly config: MarketDataConfig,
    @Inject(PRICE_PROVIDER) private readonly provider: PriceProvider,
    private readonly rollup: IntradayRollupRepository,
    private readonly dataSource: DataSource,
    metrics: MetricsService,
  ) {
    this.rejected = new Counter({
      name: 'marketpulse_price_quotes_rejected_total',
      help: 'Quotes outside the sanity band (not-a-number, not-positive, jump), not stored or published',
      labelNames: ['symbol', 'source', 'reason'],
      registers: [metrics.registry],
    });
    this.repeated = new Counter({
      name: 'marketpulse_price_quotes_unchanged_total',
      help: 'Quotes saying nothing new, not stored or published: at the stored quote time (unchanged) or older than the stored quote of the same source (older)',
      labelNames: ['symbol', 'source', 'reason'],
      registers: [metrics.registry],
    });
  }

  /**
   * Both phases at once, in the caller's transaction: for callers that are not a tick (tests, benches).
   * The job asks the providers first and opens its transaction only to apply the answers.
   */
  async refresh(manager: EntityManager, asOf: Date): Promise<JobCounts> {
    return this.apply(manager, await this.quote(asOf, manager));
  }

  /**
   * Phase one, outside any transaction: which instruments trade at `asOf` and are not priced for it yet,
   * and what the providers answer for them. Provider calls can take seconds (timeouts, retries, a breaker
   * opening); no database lock or transaction waits on them.
   */
  async quote(asOf: Date, manager: EntityManager = this.dataSource.manager): Promise<QuoteRound> {
    const instruments = await this.catalogue.enabled(manager);
    const trading = instruments.filter((instrument) => isTradingAt(instrument, asOf));
    const previous = await this.previous(manager, trading, false);
    const due = trading.filter((instrument) => {
      const last = previous.get(instrument.symbol);
      return !last || last.as_of.getTime() < asOf.getTime();
    });
    const answered = await this.provider.latestQuotes(
      due.map((instrument) => {
        const last = previous.get(instrument.symbol);
        return { instrument, previous: last && { price: last.price, asOf: last.as_of } };
      }),
      asOf,
    );
    return { asOf, instruments: instruments.length, trading, due, answered };
  }

  /**
   * Phase two, in the job's transaction: the latest rows are locked and read again, so a replica that
   * applied the same slot meanwhile wins and these answers change nothing.
   */
  async apply(manager: EntityManager, round: QuoteRound): Promise<JobCounts> {
    const { asOf, trading, due } = round;
    const previous = await this.previous(manager, trading, true);
    const stillDue = new Set(
      due
        .filter((instrument) => {
          const last = previous.get(instrument.symbol);
          return !last || last.as_of.getTime() < asOf.getTime();
        })
        .map((instrument) => instrument.symbol),
    );
    const answered = round.answered.filter((quote) => stillDue.has(quote.symbol));
    const notNew = { unchanged: 0, older: 0 };
    const changed = answered.filter((quote) => {
      const reason = this.notNew(quote, previous.get(quote.symbol));
      if (reason) notNew[reason] += 1;
      return reason === undefined;
    });
    const quotes = changed.filter((quote) => this.sane(quote, previous.get(quote.symbol)?.price));
    const events = quotes.map((quote) => this.toEvent(quote, previous.get(quote.symbol)?.price));
    await this.store(manager, events, quotes);
    await this.rollup.rollUp(manager, events, asOf);
    const closedBars = await this.rollup.closeBefore(manager, isoDate(asOf));
    const pruned = await this.rollup.pruneTicks(
      manager,
      new Date(asOf.getTime() - this.config.PRICE_TICK_RETENTION_DAYS * DAY_MS),
    );
    // An FX pair's rate goes out with its price, in the same transaction: neither is seen without the other.
    const bySymbol = new Map(due.map((instrument) => [instrument.symbol, instrument]));
    const outgoing: { contract: EventContract<any>; payload: object; options?: PublishOptions }[] = [];
    for (const payload of events) {
      outgoing.push({ contract: PriceUpdated, payload });
      const instrument = bySymbol.get(payload.symbol);
      const rate = instrument && fxRateEvent(instrument, payload);
      if (rate) outgoing.push({ contract: FxRateUpdated, payload: rate });
    }
    for (const bar of closedBars) {
      outgoing.push({
        contract: CandleClosed,
        payload: this.toCandle(bar, asOf),
        options: { id: deterministicEventId(`candle:${bar.symbol}:1d:${bar.date}`) },
      });
    }
    await this.outbox.publishAllInTransaction(manager, outgoing);
    return {
      updated: events.length,
      closed: round.instruments - trading.length,
      unchanged: trading.length - stillDue.size + notNew.unchanged,
      older: notNew.older,
      rejected: changed.length - quotes.length,
      unanswered: stillDue.size - answered.length,
      candlesClosed: closedBars.length,
      ticksPruned: pruned,
    };
  }

  private async previous(
    manager: EntityManager,
    trading: readonly Instrument[],
    lock: boolean,
  ): Promise<Map<string, PreviousRow>> {
    const rows: PreviousRow[] = await manager.query(
      `SELECT symbol, price, as_of, source FROM latest_prices WHERE symbol = ANY($1) ORDER BY symbol${lock ? ' FOR UPDATE' : ''}`,
      [trading.map((instrument) => instrument.symbol)],
    );
    return new Map(rows.map((row) => [row.symbol, row]));
  }

  private toCandle(bar: ClosedBarRow, closedAt: Date): CandleClosedV1 {
    const price = (value: string) => new Decimal(value).toFixed(bar.price_decimals);
    return {
      symbol: bar.symbol,
      interval: '1d',
      date: bar.date,
      open: price(bar.open),
      high: price(bar.high),
      low: price(bar.low),
      close: price(bar.close),
      currency: bar.currency,
      source: bar.source,
      synthetic: bar.synthetic,
      closedAt: closedAt.toISOString(),
    };
  }

  /**
   * `unchanged`: a quote at the stored quote's time, from any source at any price (a provider quoting its
   * own time, like Stooq, answers the same row every tick while the market is closed). A "correction" at
   * the same time could not be applied whole: price_history keeps the first row per (symbol, as_of), and
   * the KV bucket and portfolio's projection take only a strictly newer asOf. `older`: older than the
   * stored quote and from the same source, a provider lagging behind its own previous answer. An older quote
   * from another source is new: Stooq stamps its quote time, Twelve Data, Frankfurter and the simulation the
   * slot, so after a slot-stamped fallback answered once every Stooq quote would look older.
   */
  private notNew(quote: PriceQuote, last: PreviousRow | undefined): NotNew | undefined {
    if (!last) return undefined;
    const at = quote.asOf.getTime();
    const stored = last.as_of.getTime();
    const reason: NotNew | undefined =
      at === stored ? 'unchanged' : at < stored && quote.source === last.source ? 'older' : undefined;
    if (reason) this.repeated.inc({ symbol: quote.symbol, source: quote.source, reason });
    return reason;
  }

  private sane(quote: PriceQuote, previousPrice: string | undefined): boolean {
    const reason = insaneQuote(quote.price, previousPrice, this.config.PRICE_SANITY_MAX_JUMP);
    if (reason === undefined) return true;
    this.rejected.inc({ symbol: quote.symbol, source: quote.source, reason });
    this.logger.warn({
      msg: 'quote outside the sanity band rejected',
      symbol: quote.symbol,
      source: quote.source,
      price: quote.price,
      previousPrice,
      reason,
    });
    return false;
  }

  private toEvent(quote: PriceQuote, previousPrice: string | undefined): PriceUpdatedV1 {
    const event: PriceUpdatedV1 = {
      symbol: quote.symbol,
      price: quote.price,
      currency: quote.currency,
      asOf: quote.asOf.toISOString(),
      source: quote.source,
      synthetic: quote.synthetic,
    };
    if (previousPrice !== undefined) {
      const before = new Decimal(previousPrice);
      event.previousPrice = before.toFixed();
      event.changePercent = new Decimal(quote.price).minus(before).dividedBy(before).times(100).toFixed(4);
    }
    return event;
  }

  private async store(manager: EntityManager, events: PriceUpdatedV1[], quotes: PriceQuote[]): Promise<void> {
    if (events.length === 0) return;
    const latest: unknown[] = [];
    const history: unknown[] = [];
    const latestRows = events.map((event, index) => {
      const b = index * 8;
      latest.push(
        event.symbol,
        event.price,
        event.currency,
        event.asOf,
        event.source,
        event.previousPrice ?? null,
        event.changePercent ?? null,
        event.synthetic,
      );
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, now())`;
    });
    const historyRows = quotes.map((quote, index) => {
      const b = index * 4;
      history.push(quote.symbol, quote.asOf.toISOString(), quote.price, quote.source);
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
    });
    await manager.query(
      `INSERT INTO latest_prices (symbol, price, currency, as_of, source, previous_price, change_percent, synthetic, updated_at)
       VALUES ${latestRows.join(', ')}
       ON CONFLICT (symbol) DO UPDATE SET price = EXCLUDED.price, currency = EXCLUDED.currency, as_of = EXCLUDED.as_of,
         source = EXCLUDED.source, previous_price = EXCLUDED.previous_price, change_percent = EXCLUDED.change_percent,
         synthetic = EXCLUDED.synthetic, updated_at = now()`,
      latest,
    );
    await manager.query(
      `INSERT INTO price_history (symbol, as_of, price, source) VALUES ${historyRows.join(', ')}
       ON CONFLICT (symbol, as_of) DO NOTHING`,
      history,
    );
  }
}
