import { retryDelayMs } from './retry-policy';

describe(retryDelayMs.name, () => {
  it('grows with the delivery count, with jitter between half and the full step', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(retryDelayMs(4, 1000, 60_000, () => 0.5)).toBe(6000);
  });

  it('never exceeds the maximum', () => {
    expect(retryDelayMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
