import { TokenBucket } from './token-bucket';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe(TokenBucket.name, () => {
  it('lets a full burst through, then refuses until time refills a token', () => {
    const time = manualClock();
    const sut = TokenBucket.perMinute(3, time.clock); // one token per 20 s
    expect([sut.tryTake(), sut.tryTake(), sut.tryTake(), sut.tryTake()]).toEqual([true, true, true, false]);
    time.advance(19_999);
    expect(sut.tryTake()).toBe(false);
    time.advance(1);
    expect(sut.tryTake()).toBe(true);
    expect(sut.tryTake()).toBe(false);
  });

  it('never holds more than its capacity however long it was idle', () => {
    const time = manualClock();
    const sut = new TokenBucket(2, 1 / 1000, time.clock);
    time.advance(3_600_000);
    expect(sut.available()).toBe(2);
    expect([sut.tryTake(), sut.tryTake(), sut.tryTake()]).toEqual([true, true, false]);
  });

  it('takes a multi-token cost only when all of it is there', () => {
    const time = manualClock();
    const sut = new TokenBucket(8, 8 / 60_000, time.clock);
    expect(sut.tryTake(5)).toBe(true);
    expect(sut.tryTake(5)).toBe(false);
    expect(sut.available()).toBe(3);
    time.advance(15_000); // + 2 tokens
    expect(sut.tryTake(5)).toBe(true);
    expect(sut.available()).toBe(0);
  });

  it('after a 429 gives nothing until the back-off ends, then refills from empty', () => {
    const time = manualClock();
    const sut = new TokenBucket(10, 1 / 1000, time.clock);
    sut.blockFor(30_000);
    time.advance(29_999);
    expect(sut.tryTake()).toBe(false);
    time.advance(1);
    expect(sut.tryTake()).toBe(false); // empty at the end of the back-off, not full
    time.advance(1000);
    expect(sut.tryTake()).toBe(true);
    expect(sut.tryTake()).toBe(false);
  });

  it('keeps a quarter of its capacity for live requests: background ones stop above it', () => {
    const time = manualClock();
    const sut = TokenBucket.perMinute(8, time.clock); // reserve 2; one token per 7.5 s
    const background = () => sut.tryTake(1, 'background');
    expect([background(), background(), background(), background(), background(), background()]).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(background()).toBe(false);
    expect(sut.available()).toBe(2);
    // The live tick still gets its two requests, then nothing is left for anyone.
    expect([sut.tryTake(), sut.tryTake(), sut.tryTake()]).toEqual([true, true, false]);
    time.advance(3 * 7_500);
    expect(background()).toBe(true); // 3 tokens: one above the reserve
    expect(background()).toBe(false);
    expect(sut.tryTake(2)).toBe(true);
  });

  it('gives a background request of several tokens only what lies above the reserve', () => {
    const time = manualClock();
    const sut = new TokenBucket(30, 30 / 60_000, time.clock); // reserve 7
    expect(sut.tryTake(24, 'background')).toBe(false);
    expect(sut.tryTake(23, 'background')).toBe(true);
    expect(sut.tryTake(7, 'live')).toBe(true);
  });

  it('keeps one token for live requests from a capacity of two, none in a bucket of one', () => {
    for (const capacity of [2, 3]) {
      const sut = new TokenBucket(capacity, 1 / 1000, manualClock().clock);
      const taken = Array.from({ length: capacity }, () => sut.tryTake(1, 'background'));
      expect(taken).toEqual([...Array(capacity - 1).fill(true), false]);
      expect(sut.tryTake()).toBe(true);
    }
    expect(new TokenBucket(1, 1 / 1000, manualClock().clock).tryTake(1, 'background')).toBe(true);
  });

  it('says how long a request waits for its tokens, above the reserve for a background one', () => {
    const time = manualClock();
    const sut = TokenBucket.perMinute(8, time.clock); // reserve 2; one token per 7.5 s
    expect(sut.msUntil(1, 'background')).toBe(0);
    expect(sut.tryTake(6, 'background')).toBe(true);
    expect(sut.msUntil(1, 'live')).toBe(0);
    expect(sut.msUntil(1, 'background')).toBe(7_500);
    time.advance(7_500);
    expect(sut.tryTake(1, 'background')).toBe(true);
    expect(sut.msUntil(7, 'background')).toBe(Infinity);
    sut.blockFor(60_000);
    expect(sut.msUntil(1, 'live')).toBe(67_500);
  });

  it('refuses a capacity below one or a refill that is not positive', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0)).toThrow(RangeError);
  });
});
