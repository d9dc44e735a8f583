import { Injectable, Logger } from '@nestjs/common';
import type { PriceUpdatedV1 } from '@marketpulse/contracts';
import { JetStreamConnection } from '@marketpulse/messaging';
import { Kvm, type KV } from '@nats-io/kv';

/** The bucket's name without a namespace; other systems read `QUOTES` with any NATS client. */
export const QUOTES_BUCKET = 'QUOTES';
/** JetStream's answer when the revision an update expected is no longer the latest. */
const WRONG_SEQUENCE = /wrong last sequence/i;
const CAS_ATTEMPTS = 5;

export type CachedQuote = PriceUpdatedV1;

/**
 * The latest quote of every symbol in a NATS KV bucket (key = symbol, value = the `price.updated` payload),
 * so systems that speak NATS read current prices without HTTP. The bucket keeps one revision per key; a
 * quote older than the one stored never replaces it, whatever order deliveries come in, and the
 * compare-and-set update makes that hold between replicas too.
 */
@Injectable()
export class LatestQuoteBucket {
  private readonly logger = new Logger(LatestQuoteBucket.name);
  private bucket?: Promise<KV>;

  constructor(private readonly connection: JetStreamConnection) {}

  /** Stores the quote unless a newer one is there already; says whether it was stored. */
  async offer(quote: CachedQuote): Promise<boolean> {
    const kv = await this.open();
    const value = JSON.stringify(quote);
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt++) {
      const current = await kv.get(quote.symbol);
      const stored = current && current.operation === 'PUT' ? current.json<CachedQuote>() : undefined;
      if (stored && Date.parse(stored.asOf) >= Date.parse(quote.asOf)) return false;
      try {
        if (current) await kv.update(quote.symbol, value, current.revision);
        else await kv.create(quote.symbol, value);
        return true;
      } catch (error) {
        // Another replica wrote the key between our read and write: read again and compare again.
        if (!(error instanceof Error) || !WRONG_SEQUENCE.test(error.message) || attempt === CAS_ATTEMPTS) {
          throw error;
        }
      }
    }
    return false;
  }

  async read(symbol: string): Promise<CachedQuote | undefined> {
    const entry = await (await this.open()).get(symbol);
    return entry && entry.operation === 'PUT' ? entry.json<CachedQuote>() : undefined;
  }

  /** The bucket's wire name: namespaced like the streams, so test runs do not share it. */
  get name(): string {
    return this.connection.namespace.stream(QUOTES_BUCKET);
  }

  private open(): Promise<KV> {
    // Created on first use, not at start-up: the connection is up by then, and creating is idempotent.
    this.bucket ??= new Kvm(this.connection.nc)
      .create(this.name, { history: 1, description: 'Latest quote per symbol (price.updated payloads)' })
      .catch((error: unknown) => {
        this.bucket = undefined;
        this.logger.error({ msg: 'latest-quote bucket unavailable', bucket: this.name, err: error });
        throw error;
      });
    return this.bucket;
  }
}
