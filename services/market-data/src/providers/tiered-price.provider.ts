import { Logger } from '@nestjs/common';
import type { Instrument } from '../catalogue/instrument.entity';
import type { DailyBarRow } from '../history/daily-bar-row';
import type { PriceProvider, PriceQuote, QuoteRequest } from './price-provider';
import { ProviderError } from './http/provider-error';
import { cannotQuote } from './provider-coverage';

/**
 * Providers in order of preference. Each symbol is asked of its first provider; whatever that did not
 * answer (not listed there, an error, an open circuit, a rate limit) is asked of its next, and so on. The
 * order is the configured one, or the instrument's own `providerOrder` (only the providers it names, of
 * those configured here). Each quote keeps the `source` of the provider that gave it. A provider that throws
 * is one that failed: the tick goes on with the next tier, and does not ask it again.
 */
export class TieredPriceProvider implements PriceProvider {
  readonly name: string;
  private readonly logger = new Logger(TieredPriceProvider.name);
  /** Symbols whose own order was found unusable here, warned about once. */
  private readonly orderIgnored = new Set<string>();

  constructor(private readonly tiers: PriceProvider[]) {
    if (tiers.length === 0) throw new RangeError('at least one provider');
    this.name = tiers.map((tier) => tier.name).join('>');
  }

  /**
   * In rounds: round n asks each provider, in the configured order, for the symbols still unanswered whose
   * next choice it is, so a provider gets one call a round however the symbols order it. A provider that
   * failed (threw) is passed over for the rest of the tick: with X ordered stooq, twelvedata and Y the other
   * way round, a timing-out Stooq would otherwise cost its timeouts and retries twice a tick until its
   * circuit opened. One that answered some symbols, or none of these, is still asked in later rounds.
   */
  async latestQuotes(requests: QuoteRequest[], asOf: Date): Promise<PriceQuote[]> {
    const answered: PriceQuote[] = [];
    const failed = new Set<PriceProvider>();
    let pending = requests.map((request) => ({ request, next: this.tiersFor(request.instrument) }));
    while (pending.length > 0) {
      const byTier = new Map<PriceProvider, QuoteRequest[]>();
      for (const entry of pending) {
        const [tier, ...rest] = entry.next.filter((choice) => !failed.has(choice));
        entry.next = rest;
        if (tier) byTier.set(tier, [...(byTier.get(tier) ?? []), entry.request]);
      }
      if (byTier.size === 0) break;
      const done = new Set<string>();
      for (const tier of this.tiers) {
        const asked = byTier.get(tier);
        if (!asked) continue;
        const open = new Set(asked.map((request) => request.instrument.symbol));
        const quotes = await this.ask(tier, asked, asOf);
        if (quotes === undefined) {
          failed.add(tier);
          continue;
        }
        const fresh = quotes.filter((quote) => open.delete(quote.symbol));
        answered.push(...fresh);
        for (const quote of fresh) done.add(quote.symbol);
      }
      pending = pending.filter(({ request }) => !done.has(request.instrument.symbol));
    }
    if (pending.length > 0) {
      this.logger.warn({
        msg: 'no provider answered',
        symbols: pending.map(({ request }) => request.instrument.symbol),
        failed: [...failed].map((tier) => tier.name),
      });
    }
    return answered;
  }

  /**
   * The first tier with history for the instrument answers, asked in the instrument's order and then the
   * configured providers of history it leaves out (an order for quotes, say Twelve Data only, must not cost
   * the instrument Stooq's real history); a failing tier is passed over like an empty one. When none had
   * any and one was out of budget, that rate limit is thrown: the import counts the instrument as
   * rate-limited, not as one without history.
   */
  async dailyHistory(
    instrument: Instrument,
    from: string,
    to: string,
    deadline?: Date,
  ): Promise<DailyBarRow[]> {
    let rateLimited: ProviderError | undefined;
    for (const tier of this.historyTiersFor(instrument)) {
      if (!tier.dailyHistory) continue;
      try {
        const bars = await tier.dailyHistory(instrument, from, to, deadline);
        if (bars.length > 0) return bars;
      } catch (error) {
        if (error instanceof ProviderError && error.failure === 'rate-limited') rateLimited = error;
        this.logger.warn({
          msg: 'provider history failed, next tier answers',
          provider: tier.name,
          symbol: instrument.symbol,
          error: String(error),
        });
      }
    }
    if (rateLimited) throw rateLimited;
    return [];
  }

  /**
   * The instrument's own order where it has one, less the providers not configured in this deployment or
   * unable to quote it. The catalogue refuses an order leaving none, but the configuration can change
   * after: then the global order answers, rather than nobody, with a warning once per symbol.
   */
  private tiersFor(instrument: Instrument): PriceProvider[] {
    const order = instrument.providerOrder;
    if (!order || order.length === 0) return this.tiers;
    const tiers = order.flatMap((name) =>
      this.tiers.filter((tier) => tier.name === name && cannotQuote(name, instrument) === undefined),
    );
    if (tiers.length > 0) return tiers;
    if (!this.orderIgnored.has(instrument.symbol)) {
      this.orderIgnored.add(instrument.symbol);
      this.logger.warn({
        msg: 'no provider of the instrument’s order can quote it here; the global order answers',
        symbol: instrument.symbol,
        providerOrder: order,
        configured: this.tiers.map((tier) => tier.name),
      });
    }
    return this.tiers;
  }

  /**
   * The instrument's own tiers, then the configured ones with history it left out that can quote it, in the
   * configured order.
   */
  private historyTiersFor(instrument: Instrument): PriceProvider[] {
    const own = this.tiersFor(instrument);
    const left = this.tiers.filter(
      (tier) =>
        tier.dailyHistory !== undefined &&
        !own.includes(tier) &&
        cannotQuote(tier.name, instrument) === undefined,
    );
    return [...own, ...left];
  }

  /** The provider's quotes, or undefined when it failed. */
  private async ask(
    tier: PriceProvider,
    requests: QuoteRequest[],
    asOf: Date,
  ): Promise<PriceQuote[] | undefined> {
    try {
      return await tier.latestQuotes(requests, asOf);
    } catch (error) {
      this.logger.warn({
        msg: 'provider failed, next tier answers; not asked again this tick',
        provider: tier.name,
        error: String(error),
      });
      return undefined;
    }
  }
}
