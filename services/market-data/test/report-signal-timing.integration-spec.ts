import type { Msg } from '@nats-io/nats-core';
import { DataSource } from 'typeorm';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { MarketDataConfig } from '../src/market-data.config';
import type { TrendReport } from '../src/reports/trend-report';

/**
 * The scheduler fires detect-signals, daily-report and (Sundays) weekly-summary in the same 08:00 slot, in
 * no set order: whichever runs first, the slot's signals belong in both reports of that slot.
 */
describe('market-data fresh signals in reports of the same slot', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let outcomes: Msg[];
  let db: DataSource;
  // A slot in the past, like a tick handled a moment after its 08:00.
  const slot = new Date(Date.now() - 60_000);

  const run = (job: string) =>
    runJob(service.app, { service: 'market-data', job, scheduledFor: slot }, outcomes, namespace);
  const keys = (report: TrendReport) => report.signals.map((s) => `${s.symbol}/${s.date}/${s.type}`).sort();

  beforeAll(async () => {
    md = await startMarketData(namespace);
    ({ service, outcomes } = md);
    db = service.app.get(DataSource);
    await service.app.get(HistoryBackfillService).settled();
    // A close far above the year's range on the latest gold bar: at least one signal (a new 52-week
    // high) that is fresh for both reports, whatever the bundled history holds.
    await db.query(
      `UPDATE daily_bars SET close = high * 10, high = high * 10
        WHERE symbol = 'XAUUSD' AND date = (SELECT max(date) FROM daily_bars WHERE symbol = 'XAUUSD')`,
    );
  });

  afterAll(() => md?.close());

  it('stamps detect-signals with the slot, so the daily report of that slot lists its signals', async () => {
    await run('detect-signals');
    const stamps: { detected_at: Date }[] = await db.query(`SELECT DISTINCT detected_at FROM signals`);
    expect(stamps.map((row) => row.detected_at.toISOString())).toEqual([slot.toISOString()]);

    await run('daily-report');
    const daily = (await service.get<TrendReport>('/reports/latest?kind=daily')).body;
    expect(keys(daily)).toContainEqual(expect.stringMatching(/^XAUUSD\/.*\/new_52w_high$/));
  });

  it('lists the slot’s signals in the weekly summary when it runs before the daily report', async () => {
    await db.query('DELETE FROM signals');
    await db.query('DELETE FROM trend_reports');
    await run('weekly-summary');
    const weekly = (await service.get<TrendReport>('/reports/latest?kind=weekly')).body;
    expect(keys(weekly)).toContainEqual(expect.stringMatching(/^XAUUSD\/.*\/new_52w_high$/));

    await run('daily-report');
    const daily = (await service.get<TrendReport>('/reports/latest?kind=daily')).body;
    expect(keys(daily)).toEqual(keys(weekly).filter((key) => keys(daily).includes(key)));
    expect(keys(daily)).toContainEqual(expect.stringMatching(/^XAUUSD\/.*\/new_52w_high$/));
  });
});
