import { CronSchedule } from './cron-schedule';

describe(CronSchedule.name, () => {
  it('gives the next slot strictly after an instant, in UTC', () => {
    const sut = new CronSchedule({ name: 'x.y', schedule: '*/5 * * * * *', marketHours: false });
    expect(sut.next(new Date('2026-11-23T09:00:03.200Z')).toISOString()).toBe('2026-11-23T09:00:05.000Z');
    expect(sut.next(new Date('2026-11-23T09:00:05.000Z')).toISOString()).toBe('2026-11-23T09:00:10.000Z');
  });

  it('skips Saturday and Sunday for market-hours jobs', () => {
    const sut = new CronSchedule({ name: 'x.y', schedule: '0 0 */2 * * *', marketHours: true });
    // Friday 2026-11-27 23:00 UTC → next weekday slot is Monday 00:00.
    expect(sut.next(new Date('2026-11-27T23:00:00.000Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('keeps daily slots on weekends when the job is not market-hours bound', () => {
    const sut = new CronSchedule({ name: 'x.y', schedule: '0 0 16 * * *', marketHours: false });
    expect(sut.next(new Date('2026-11-28T10:00:00.000Z')).toISOString()).toBe('2026-11-28T16:00:00.000Z');
  });

  it('lets a tick expire at the next slot, but never in less than a minute', () => {
    const fast = new CronSchedule({ name: 'x.y', schedule: '*/5 * * * * *', marketHours: false });
    expect(fast.expiresAt(new Date('2026-11-23T09:00:05.000Z')).toISOString()).toBe(
      '2026-11-23T09:01:05.000Z',
    );
    const daily = new CronSchedule({ name: 'x.y', schedule: '0 0 2 * * *', marketHours: false });
    expect(daily.expiresAt(new Date('2026-11-23T02:00:00.000Z')).toISOString()).toBe(
      '2026-11-24T02:00:00.000Z',
    );
  });

  it('refuses an invalid expression, naming the job', () => {
    expect(() => new CronSchedule({ name: 'x.y', schedule: 'every minute', marketHours: false })).toThrow(
      /job x.y: invalid cron 'every minute'/,
    );
  });
});
