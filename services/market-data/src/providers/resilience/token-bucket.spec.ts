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

  it('refuses a capacity below one or a refill that is not positive', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0)).toThrow(RangeError);
  });
});
