import { Injectable } from '@nestjs/common';
import { MarketDataConfig } from '../market-data.config';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Latest-quote reads from memory: each answer is kept for LATEST_QUOTE_CACHE_TTL_MS. This replica's own
 * refresh empties it as soon as its transaction commits, so a client that saw the job complete reads the
 * new prices; another replica's refresh reaches this one's readers at most one TTL later. Concurrent misses
 * for one key share one database read, and a read that started before an invalidation is not cached.
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
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value as T;
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T>;
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

  /** After prices or the catalogue changed here. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }
}
