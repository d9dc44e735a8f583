import type { Msg } from '@nats-io/nats-core';
import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';
import { HistoryBackfillService } from '../src/history/history-backfill.service';
import { MarketDataConfig } from '../src/market-data.config';
import type { TrendReport } from '../src/reports/trend-report';
import type { ReportListing } from '../src/reports/trend-reports.repository';

describe('market-data trend reports (daily-report and weekly-summary jobs, /reports)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let service: RunningService<MarketDataConfig>;
  let outcomes: Msg[];
  let signalsPublished: Msg[];
  const at = new Date();
  const today = at.toISOString().slice(0, 10);

  const completed = (runId: string) =>
    outcomes
      .map((message) => message.json<{ data: { runId: string; counts: Record<string, number> } }>().data)
      .find((outcome) => outcome.runId === runId)!;

  beforeAll(async () => {
    md = await startMarketData(namespace, { collect: ['signal.detected.>'] });
    ({ service, outcomes } = md);
    signalsPublished = md.collected['signal.detected.>'];
    await service.app.get(HistoryBackfillService).settled();
  });

  afterAll(() => md?.close());

  it('answers 404 with the job to run before any report exists, and 400 for a bad kind or day', async () => {
    const none = await service.get<{ message: string }>('/reports/latest');
    expect(none.status).toBe(404);
    expect(none.body.message).toMatch(/market-data\.daily-report/);
    expect((await service.get('/reports/latest?kind=monthly')).status).toBe(400);
    expect((await service.get('/reports/hourly/2026-01-01')).status).toBe(400);
    expect((await service.get('/reports/daily/2026-13-45')).status).toBe(400);
    expect((await service.get('/reports?limit=0')).status).toBe(400);
  });

  it('writes the daily report across the catalogue, with this morning’s signals detected first', async () => {
    const runId = await runJob(
      service.app,
      { service: 'market-data', job: 'daily-report', scheduledFor: at },
      outcomes,
      namespace,
    );
    const { counts } = completed(runId);
    const { status, body: report } = await service.get<TrendReport>('/reports/latest?kind=daily');
    expect(status).toBe(200);
    const instruments = (await service.get<unknown[]>('/instruments?enabled=true')).body.length;
    expect(report).toMatchObject({ kind: 'daily', date: today });
    expect(report.summary.instruments).toBe(instruments);
    expect(counts).toMatchObject({ instruments, signals: report.signals.length });
    expect(counts.signalsStored).toBeGreaterThan(0);
    // A year of history: every asset has its 200-day average, so none lacks a regime.
    const regimes = report.summary.regimes;
    expect(Object.values(regimes).reduce((sum, count) => sum + count, 0)).toBe(instruments);
    expect(regimes['insufficient-history']).toBe(0);
    for (const asset of report.assets) {
      expect(asset.sma200).not.toBeNull();
      expect(asset.momentumRank3m).toBeGreaterThanOrEqual(1);
    }
    // Top movers agree with the per-asset changes and their order.
    const changes = report.topGainers.map((mover) => Number(mover.change));
    expect([...changes].sort((a, b) => b - a)).toEqual(changes);
    for (const mover of [...report.topGainers, ...report.topLosers]) {
      expect(report.assets.find((asset) => asset.symbol === mover.symbol)!.change).toBe(mover.change);
    }
    // Fresh signals are those just detected and published for the last week of bars.
    const publishedRecent = new Set(
      signalsPublished.map((message) => {
        const data = message.json<{ data: { symbol: string; date: string; type: string } }>().data;
        return `${data.symbol}/${data.date}/${data.type}`;
      }),
    );
    for (const signal of report.signals)
      expect(publishedRecent).toContain(`${signal.symbol}/${signal.date}/${signal.type}`);
  });

  it('replaces the report of the same day on a re-run instead of adding one', async () => {
    await runJob(
      service.app,
      { service: 'market-data', job: 'daily-report', scheduledFor: at },
      outcomes,
      namespace,
    );
    const listed = await service.get<ReportListing[]>('/reports?kind=daily');
    expect(listed.body.map((entry) => entry.date)).toEqual([today]);
    const byDay = await service.get<TrendReport>(`/reports/daily/${today}`);
    expect(byDay.status).toBe(200);
    expect((await service.get<TrendReport>('/reports/daily/latest')).body).toEqual(byDay.body);
    // Signals were detected by the first run: this one has nothing new to report or store.
    expect(byDay.body.summary.instruments).toBeGreaterThan(0);
  });

  it('writes the weekly summary with changes over the week', async () => {
    expect((await service.get('/reports/weekly/latest')).status).toBe(404);
    await runJob(
      service.app,
      { service: 'market-data', job: 'weekly-summary', scheduledFor: at },
      outcomes,
      namespace,
    );
    const weekly = await service.get<TrendReport>('/reports/latest?kind=weekly');
    expect(weekly.status).toBe(200);
    expect(weekly.body.kind).toBe('weekly');
    const daily = (await service.get<TrendReport>('/reports/latest?kind=daily')).body;
    const gold = (report: TrendReport) => report.assets.find((asset) => asset.symbol === 'XAUUSD')!.change;
    expect(gold(weekly.body)).not.toBe(gold(daily));
    const all = await service.get<ReportListing[]>('/reports');
    expect(all.body.map((entry) => entry.kind).sort()).toEqual(['daily', 'weekly']);
  });
});
