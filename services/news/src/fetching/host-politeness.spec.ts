import { HostPoliteness, mapWithConcurrency } from './host-politeness';

describe(HostPoliteness.name, () => {
  it('runs one request per host at a time and keeps the gap between them', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const sut = new HostPoliteness(
      500,
      () => clock,
      async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    );
    let running = 0;
    let most = 0;
    const request = async () => {
      running++;
      most = Math.max(most, running);
      await Promise.resolve();
      clock += 100;
      running--;
    };
    await Promise.all([
      sut.run('a.example', request),
      sut.run('a.example', request),
      sut.run('a.example', request),
    ]);
    expect(most).toBe(1);
    // Each request takes 100 ms of the clock; the next one waits the full 500 ms gap after it ended.
    expect(sleeps).toEqual([500, 500]);
  });

  it('lets different hosts go side by side', async () => {
    const sut = new HostPoliteness(10_000);
    let running = 0;
    let most = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const request = async () => {
      running++;
      most = Math.max(most, running);
      await gate;
      running--;
    };
    const all = Promise.all([sut.run('a.example', request), sut.run('b.example', request)]);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await all;
    expect(most).toBe(2);
  });

  it('frees the host after a failure', async () => {
    const sut = new HostPoliteness(0);
    await expect(sut.run('a.example', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run('a.example', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});

describe(mapWithConcurrency.name, () => {
  it('keeps at most the limit running and returns results in input order', async () => {
    let running = 0;
    let most = 0;
    const sut = await mapWithConcurrency([30, 10, 20, 5, 15], 2, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(sut).toEqual([60, 20, 40, 10, 30]);
    expect(most).toBe(2);
  });
});
