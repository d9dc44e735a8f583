import { RetryPolicy } from './retry-policy';

class Transient extends Error {}

function build(attempts: number, random = () => 0.5) {
  const waits: number[] = [];
  const sut = new RetryPolicy({
    attempts,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { sut, waits };
}

const isTransient = (error: unknown) => error instanceof Transient;

describe(RetryPolicy.name, () => {
  it('backs off exponentially with equal jitter, capped at maxDelay', () => {
    // ceiling(n) = min(1000, 100 · 2^(n−1)): 100, 200, 400, 800, 1000; delay = ceiling/2 + random·ceiling/2.
    expect([1, 2, 3, 4, 5, 6].map((n) => build(1, () => 0).sut.delayBefore(n))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => build(1, () => 0.999999).sut.delayBefore(n))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(build(1, () => 0.5).sut.delayBefore(3)).toBe(300);
  });

  it('retries a transient failure and returns the first success, waiting between attempts', async () => {
    const { sut, waits } = build(4);
    const seen: number[] = [];
    const result = await sut.run(async (attempt) => {
      seen.push(attempt);
      if (attempt < 3) throw new Transient('try again');
      return 'ok';
    }, isTransient);
    expect(result).toBe('ok');
    expect(seen).toEqual([1, 2, 3]);
    expect(waits).toEqual([75, 150]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { sut, waits } = build(3);
    let calls = 0;
    await expect(
      sut.run(async () => {
        calls += 1;
        throw new Transient(`failure ${calls}`);
      }, isTransient),
    ).rejects.toThrow('failure 3');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('does not retry an error that is not retryable', async () => {
    const { sut, waits } = build(5);
    let calls = 0;
    await expect(
      sut.run(async () => {
        calls += 1;
        throw new Error('HTTP 404');
      }, isTransient),
    ).rejects.toThrow('HTTP 404');
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
