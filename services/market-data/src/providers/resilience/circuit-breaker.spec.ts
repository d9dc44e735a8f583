import { CircuitBreaker } from './circuit-breaker';

function build(failureThreshold = 3, openMs = 60_000) {
  let now = 0;
  const sut = new CircuitBreaker({ failureThreshold, openMs }, () => now);
  return { sut, advance: (ms: number) => (now += ms) };
}

describe(CircuitBreaker.name, () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    const { sut } = build(3);
    sut.onFailure();
    sut.onFailure();
    sut.onSuccess();
    sut.onFailure();
    sut.onFailure();
    expect(sut.state).toBe('closed');
    expect(sut.tryAcquire()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and refuses calls while open', () => {
    const { sut, advance } = build(3, 60_000);
    sut.onFailure();
    sut.onFailure();
    sut.onFailure();
    expect(sut.state).toBe('open');
    expect(sut.tryAcquire()).toBe(false);
    advance(59_999);
    expect(sut.tryAcquire()).toBe(false);
  });

  it('half-opens after openMs and lets exactly one trial through', () => {
    const { sut, advance } = build(1, 1000);
    sut.onFailure();
    advance(1000);
    expect(sut.state).toBe('half-open');
    expect(sut.tryAcquire()).toBe(true);
    expect(sut.tryAcquire()).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    const { sut, advance } = build(1, 1000);
    sut.onFailure();
    advance(1000);
    expect(sut.tryAcquire()).toBe(true);
    sut.onSuccess();
    expect(sut.state).toBe('closed');
    expect(sut.tryAcquire()).toBe(true);
    expect(sut.tryAcquire()).toBe(true);
  });

  it('re-opens for another full period when the trial fails', () => {
    const { sut, advance } = build(5, 1000);
    for (let i = 0; i < 5; i += 1) sut.onFailure();
    advance(1000);
    expect(sut.tryAcquire()).toBe(true);
    sut.onFailure(); // one failure in half-open is enough, whatever the threshold
    expect(sut.state).toBe('open');
    advance(999);
    expect(sut.tryAcquire()).toBe(false);
    advance(1);
    expect(sut.state).toBe('half-open');
  });

  it('frees the trial for the next caller when it ended neutrally (rate-limited on our side)', () => {
    const { sut, advance } = build(1, 1000);
    sut.onFailure();
    advance(1000);
    expect(sut.tryAcquire()).toBe(true);
    sut.onNeutral();
    expect(sut.state).toBe('half-open');
    expect(sut.tryAcquire()).toBe(true);
  });
});
