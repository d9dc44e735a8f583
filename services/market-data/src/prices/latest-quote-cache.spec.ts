import type { MarketDataConfig } from '../market-data.config';
import { LatestQuoteCache } from './latest-quote-cache';

function cache(ttl = 1000) {
  return new LatestQuoteCache({ LATEST_QUOTE_CACHE_TTL_MS: ttl } as MarketDataConfig);
}

describe('LatestQuoteCache', () => {
  afterEach(() => jest.useRealTimers());

  it('answers from memory within the TTL, then the old answer while one background read replaces it', async () => {
    jest.useFakeTimers({ now: 0 });
    const sut = cache();
    let reads = 0;
    let release!: () => void;
    const load = () => new Promise<number>((resolve) => (release = () => resolve(++reads)));
    const first = sut.get('k', load);
    release();
    expect(await first).toBe(1);
    jest.setSystemTime(999);
    expect(await sut.get('k', load)).toBe(1);
    jest.setSystemTime(1001);
    expect(await sut.get('k', load)).toBe(1);
    expect(await sut.get('k', load)).toBe(1);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(reads).toBe(2);
    expect(await sut.get('k', load)).toBe(2);
  });

  it('waits for a fresh read once an answer is more than two TTLs old', async () => {
    jest.useFakeTimers({ now: 0 });
    const sut = cache();
    let reads = 0;
    const load = async () => ++reads;
    expect(await sut.get('k', load)).toBe(1);
    jest.setSystemTime(2001);
    expect(await sut.get('k', load)).toBe(2);
  });

  it('keeps the old answer when the background read fails, and the next miss reads again', async () => {
    jest.useFakeTimers({ now: 0 });
    const sut = cache();
    expect(await sut.get('k', async () => 'a')).toBe('a');
    jest.setSystemTime(1500);
    expect(await sut.get('k', () => Promise.reject(new Error('database down')))).toBe('a');
    await Promise.resolve();
    await Promise.resolve();
    jest.setSystemTime(2600);
    await expect(sut.get('k', () => Promise.reject(new Error('still down')))).rejects.toThrow('still down');
  });

  it('shares one read between concurrent misses of a key', async () => {
    const sut = cache();
    let reads = 0;
    let release!: () => void;
    const load = () => new Promise<number>((resolve) => (release = () => resolve(++reads)));
    const both = Promise.all([sut.get('k', load), sut.get('k', load)]);
    release();
    expect(await both).toEqual([1, 1]);
    expect(reads).toBe(1);
  });

  it('does not keep a read that started before an invalidation', async () => {
    const sut = cache();
    let release!: (value: string) => void;
    const before = sut.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    sut.invalidate();
    release('old');
    expect(await before).toBe('old');
    expect(await sut.get('k', async () => 'new')).toBe('new');
  });

  it('empties on invalidate, and with a TTL of 0 always reads', async () => {
    const sut = cache();
    await sut.get('k', async () => 'a');
    sut.invalidate();
    expect(await sut.get('k', async () => 'b')).toBe('b');
    const off = cache(0);
    await off.get('k', async () => 'a');
    expect(await off.get('k', async () => 'b')).toBe('b');
  });
});
