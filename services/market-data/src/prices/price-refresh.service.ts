import { Inject, Injectable } from '@nestjs/common';
import { FxRateUpdated, PriceUpdated, type EventContract, type PriceUpdatedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, type JobCounts } from '@marketpulse/messaging';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { isTradingAt } from '../catalogue/trading-calendar';
import { fxRateEvent } from '../fx/fx-rate-event';
import { PRICE_PROVIDER, type PriceProvider, type PriceQuote } from '../providers/price-provider';

interface PreviousRow {
  symbol: string;
  price: string;
  as_of: Date;
}

/**
 * One price refresh: quote every instrument that is trading at `asOf`, store latest and history, and
 * publish `price.updated.<SYM>` (and `fx.rate.updated.<PAIR>` for FX pairs) through the outbox, all in the
 * caller's transaction. The latest rows are
 * locked, so two replicas refreshing at once queue up instead of interleaving; a quote not newer than
 * the stored one (a late tick) changes nothing.
 */
@Injectable()
export class PriceRefreshService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly outbox: OutboxPublisher,
    @Inject(PRICE_PROVIDER) private readonly provider: PriceProvider,
  ) {}

  async refresh(manager: EntityManager, asOf: Date): Promise<JobCounts> {
    const instruments = await this.catalogue.enabled(manager);
    const trading = instruments.filter((instrument) => isTradingAt(instrument, asOf));
    const previousRows: PreviousRow[] = await manager.query(
      `SELECT symbol, price, as_of FROM latest_prices WHERE symbol = ANY($1) ORDER BY symbol FOR UPDATE`,
      [trading.map((instrument) => instrument.symbol)],
    );
    const previous = new Map(previousRows.map((row) => [row.symbol, row]));
    const due = trading.filter((instrument) => {
      const last = previous.get(instrument.symbol);
      return !last || last.as_of.getTime() < asOf.getTime();
    });
    const quotes = await this.provider.latestQuotes(
      due.map((instrument) => {
        const last = previous.get(instrument.symbol);
        return { instrument, previous: last && { price: last.price, asOf: last.as_of } };
      }),
      asOf,
    );
    const events = quotes.map((quote) => this.toEvent(quote, previous.get(quote.symbol)?.price));
    await this.store(manager, events, quotes);
    // An FX pair's rate goes out with its price, in the same transaction: neither is seen without the other.
    const bySymbol = new Map(due.map((instrument) => [instrument.symbol, instrument]));
    const outgoing: { contract: EventContract<any>; payload: object }[] = [];
    for (const payload of events) {
      outgoing.push({ contract: PriceUpdated, payload });
      const instrument = bySymbol.get(payload.symbol);
      const rate = instrument && fxRateEvent(instrument, payload);
      if (rate) outgoing.push({ contract: FxRateUpdated, payload: rate });
    }
    await this.outbox.publishAllInTransaction(manager, outgoing);
    return {
      updated: events.length,
      closed: instruments.length - trading.length,
      unchanged: trading.length - due.length,
    };
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
