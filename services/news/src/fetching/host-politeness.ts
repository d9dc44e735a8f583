/**
 * One request at a time per host, and at least `minGapMs` between the end of one and the start of the
 * next: a job fetching many feeds of one publisher must not look like an attack on it.
 */
export class HostPoliteness {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastDone = new Map<string, number>();

  constructor(
    private readonly minGapMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    await previous;
    try {
      const wait = (this.lastDone.get(host) ?? -Infinity) + this.minGapMs - this.now();
      if (wait > 0) await this.sleep(wait);
      return await work();
    } finally {
      this.lastDone.set(host, this.now());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}

/** Runs `work` over `items` with at most `limit` at once; results in input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}
