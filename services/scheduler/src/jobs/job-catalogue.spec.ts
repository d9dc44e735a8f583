import { CronSchedule } from './cron-schedule';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildJobCatalogue } from './job-catalogue';

function jobsFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mp-jobs-')), 'jobs.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe(buildJobCatalogue.name, () => {
  it('holds the default table of DESIGN.md with only built services switched on', () => {
    const sut = buildJobCatalogue();
    expect(sut.find((job) => job.name === 'market-data.refresh-prices')).toMatchObject({
      schedule: '*/5 * * * * *',
      enabled: true,
    });
    expect(sut.find((job) => job.name === 'vc.top-investors')).toMatchObject({
      schedule: '0 0 6 * * 1',
      enabled: true,
    });
    const refresh = sut.find((job) => job.name === 'portfolio.refresh-valuations')!;
    expect(refresh.marketHours).toBe(true);
    // In US market hours only: Friday's last run is 20:00 UTC, the next Monday 14:00.
    const slots = [new Date('2026-11-27T19:30:00.000Z')];
    for (let i = 0; i < 2; i++) slots.push(new CronSchedule(refresh).next(slots[slots.length - 1]));
    expect(slots.slice(1).map((slot) => slot.toISOString())).toEqual([
      '2026-11-27T20:00:00.000Z',
      '2026-11-30T14:00:00.000Z',
    ]);
    expect(sut.filter((job) => job.enabled).map((job) => job.name)).toEqual([
      'market-data.refresh-prices',
      'market-data.detect-signals',
      'market-data.daily-report',
      'market-data.weekly-summary',
      'market-data.import-history',
      'news.fetch',
      'predictions.sweep-due',
      'predictions.refresh-leaderboard',
      'portfolio.refresh-valuations',
      'portfolio.snapshot',
      'portfolio.performance',
      'portfolio.alerts-digest',
      'vc.sync',
      'vc.rounds',
      'vc.ipo-pipeline',
      'vc.mna',
      'vc.top-investors',
    ]);
  });

  it('applies an overrides file, then the enable and disable lists', () => {
    const sut = buildJobCatalogue({
      overridesFile: jobsFile([
        { name: 'market-data.refresh-prices', schedule: '*/10 * * * * *' },
        { name: 'custom.heartbeat', schedule: '0 * * * * *' },
      ]),
      enabled: 'news.fetch',
      disabled: 'custom.heartbeat',
    });
    expect(sut.find((job) => job.name === 'market-data.refresh-prices')?.schedule).toBe('*/10 * * * * *');
    expect(sut.find((job) => job.name === 'news.fetch')?.enabled).toBe(true);
    expect(sut.find((job) => job.name === 'custom.heartbeat')).toMatchObject({
      service: 'custom',
      job: 'heartbeat',
      enabled: false,
    });
  });

  it.each([
    [{ enabled: 'nope.job' }, /SCHEDULER_ENABLED_JOBS: unknown job 'nope.job'/],
    [{ overridesFile: '/nonexistent/jobs.json' }, /SCHEDULER_JOBS_FILE \/nonexistent\/jobs.json/],
    [{ overridesFile: jobsFile('{"not": "an array"}') }, /must hold a JSON array/],
    [{ overridesFile: jobsFile([{ name: 'new.job' }]) }, /new job new.job needs a schedule/],
    [
      { overridesFile: jobsFile([{ name: 'Bad.Job', schedule: '* * * * * *' }]) },
      /lower-case subject tokens/,
    ],
    [{ overridesFile: jobsFile([{ name: 'a.b', schedule: 'never' }]) }, /invalid cron 'never'/],
  ])('refuses a bad source %#', (sources, message) => {
    expect(() => buildJobCatalogue(sources)).toThrow(message);
  });
});
