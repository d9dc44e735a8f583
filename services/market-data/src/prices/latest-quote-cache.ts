import { Injectable } from '@nestjs/common';
import { MarketDataConfig } from '../market-data.config';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Latest-quote reads from memory: each answer is kept for LATEST_QUOTE_CACHE_TTL_MS. This replica's own
 * refresh empties it as soon as its transaction commits, so a client that saw the job complete reads the
 * new prices. Once an answer's TTL is over, readers within one more TTL still get it while a single
 * background read replaces it (stale-while-revalidate): no reader waits on the database at the TTL
 * boundary, which is what set the p99 of the hot read. So another replica's refresh reaches this one's
 * readers within two TTLs. Concurrent misses for one key share one read, and a read that started before an
 * invalidation is not kept.
 */
@Injectable()
export class LatestQuoteCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly loading = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly config: MarketDataConfig) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const ttl = this.config.LATEST_QUOTE_CACHE_TTL_MS;
    if (ttl === 0) return load();
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value as T;
    const loaded = (this.loading.get(key) as Promise<T> | undefined) ?? this.load(key, load, ttl);
    if (entry && entry.expiresAt + ttl > now) {
      // The background read's failure is the next reader's to see; this one has its answer.
      loaded.catch(() => undefined);
      return entry.value as T;
    }
    return loaded;
  }

  /**
   * The answer for `key` without waiting: the kept one while `get` would return it at once (starting the
   * same background read once it is past its TTL), else undefined — the caller then goes the long way.
   */
  peek<T>(key: string, load: () => Promise<T>): T | undefined {
    const ttl = this.config.LATEST_QUOTE_CACHE_TTL_MS;
    const entry = this.entries.get(key);
    if (ttl === 0 || !entry) return undefined;
    const now = Date.now();
    if (entry.expiresAt > now) return entry.value as T;
    if (entry.expiresAt + ttl <= now) return undefined;
    if (!this.loading.has(key)) this.load(key, load, ttl).catch(() => undefined);
    return entry.value as T;
  }

  /** After prices or the catalogue changed here. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private load<T>(key: string, load: () => Promise<T>, ttl: number): Promise<T> {
    const generation = this.generation;
    const loaded = load()
      .then((value) => {
        if (generation === this.generation) this.entries.set(key, { value, expiresAt: Date.now() + ttl });
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
      });
    this.loading.set(key, loaded);
    return loaded;
  }
}
