import {
  FxRateUpdated,
  contractForType,
  validateEnvelope,
  validatePayload,
  type EventEnvelope,
  type VcInvestorsRankedV1,
  type VcIpoUpdatedV1,
} from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { publishPrice } from '../../../test/support/price-events';
import { publishEvent } from '../../../test/support/publish-event';
import { runJob } from '../../../test/support/run-job';
import type { RunningService } from '../../../test/support/service-harness';
import { startServiceUnderTest, type ServiceUnderTest } from '../../../test/support/service-under-test';
import { AppModule } from '../src/app.module';
import { VcConfig } from '../src/vc.config';

interface ErrorBody {
  message: string | string[];
}
interface Figure {
  defined: boolean;
  value?: string;
  reason?: string;
}
interface Fund {
  id: string;
  vintage: number;
  currency: string;
  returns: {
    paidIn: string;
    distributed: string;
    nav: string;
    tvpi: Figure;
    dpi: Figure;
    rvpi: Figure;
    irr: Figure;
    pme: Figure;
    asOf: string;
  };
}
interface Summary {
  rounds: number;
  raisedByCurrency: { currency: string; rounds: number; total: string }[];
  raisedTotal: string;
  currency: { currency: string; unconverted: { currency: string; count: number; total: string }[] };
  iposByStage: Record<string, number>;
}
interface Landscape {
  groups: {
    key: string;
    count: number;
    total: string;
    median?: string;
    mean?: string;
    lastQuarter: { quarter: string; count: number };
    previousQuarter: { quarter: string; count: number };
    countChangePercent?: string;
  }[];
  currency: { unconverted: unknown[] };
}
interface CompanyDetail {
  rounds: { id: string; preMoney?: string; postMoney?: string; currency: string; stepUp?: string }[];
  valuations: unknown[];
}
interface Ipo {
  companyId: string;
  stage: string;
  allowedNext: string[];
  transitions?: { fromStage?: string; toStage: string }[];
}

const counts = (message: Msg) =>
  message.json<EventEnvelope<{ counts: Record<string, number> }>>().data.counts;
const RATES = {
  EURUSD: ['EUR', 'USD', '1.16'],
  GBPUSD: ['GBP', 'USD', '1.33'],
  USDCAD: ['USD', 'CAD', '1.40'],
};

describe('vc service (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let vc: ServiceUnderTest<VcConfig>;
  let service: RunningService<VcConfig>;
  let db: DataSource;
  let outcomes: Msg[];
  let rounds: Msg[];
  let acquisitions: Msg[];
  let ipos: Msg[];
  let rankings: Msg[];

  const job = async (name: string) => {
    const runId = await runJob(service.app, { service: 'vc', job: name }, outcomes, namespace);
    return counts(
      outcomes.find((message) => message.json<EventEnvelope<{ runId: string }>>().data.runId === runId)!,
    );
  };
  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number);

  beforeAll(async () => {
    vc = await startServiceUnderTest('vc', VcConfig, (config) => AppModule.forRoot(config), namespace, {
      env: { VC_SYNC_ON_START: 'false', VC_PME_INDEX_SYMBOL: 'SPY', VC_RANKING_WINDOW_DAYS: '3650' },
      collect: ['vc.round.recorded', 'vc.acquisition.recorded', 'vc.ipo.updated', 'vc.investors.ranked.>'],
    });
    ({ service, db, outcomes } = vc);
    rounds = vc.collected['vc.round.recorded'];
    acquisitions = vc.collected['vc.acquisition.recorded'];
    ipos = vc.collected['vc.ipo.updated'];
    rankings = vc.collected['vc.investors.ranked.>'];
  });

  afterAll(async () => {
    await vc?.close();
  });

  it('the daily sync loads the bundled dataset and publishes one valid event per new round, deal and IPO', async () => {
    const result = await job('sync');
    expect(result).toMatchObject({
      companiesInserted: 130,
      investorsInserted: 60,
      roundsInserted: 403,
      iposInserted: 17,
    });
    expect(result.roundsChanged).toBe(0);
    expect(await count('funding_rounds')).toBe(403);
    expect(await count('round_participants')).toBeGreaterThan(403);
    await expectEventually(() => {
      expect(rounds).toHaveLength(403);
      expect(acquisitions).toHaveLength(result.acquisitionsInserted);
      expect(ipos).toHaveLength(17);
    });
    for (const message of [rounds[0], acquisitions[0], ipos[0]]) {
      const envelope = validateEnvelope(message.json());
      const contract = contractForType(envelope.type, envelope.version)!;
      validatePayload(contract, envelope.data);
      expect(envelope.producer).toBe('vc');
    }
  });

  it('re-running the sync changes nothing and publishes nothing', async () => {
    const importedAt = await db.query('SELECT max(imported_at) AS at FROM funding_rounds');
    const result = await job('sync');
    expect(result).toMatchObject({
      roundsInserted: 0,
      roundsChanged: 0,
      roundsUnchanged: 403,
      iposUnchanged: 17,
    });
    expect(
      Object.entries(result).filter(([key, value]) => /(Inserted|Changed)$/.test(key) && value !== 0),
    ).toEqual([]);
    expect(await count('funding_rounds')).toBe(403);
    expect(await db.query('SELECT max(imported_at) AS at FROM funding_rounds')).toEqual(importedAt);
    expect(rounds).toHaveLength(403);
    expect(ipos).toHaveLength(17);
  });

  it('reports raised capital per currency until FX rates arrive, then converts with them', async () => {
    const before = (await service.get<Summary>('/summary')).body;
    expect(before.rounds).toBe(403);
    expect(before.currency.unconverted.map((entry) => entry.currency).sort()).toEqual(['CAD', 'EUR', 'GBP']);
    const usd = before.raisedByCurrency.find((entry) => entry.currency === 'USD')!;
    expect(before.raisedTotal).toBe(usd.total);

    for (const [pair, [base, quote, rate]] of Object.entries(RATES)) {
      await publishEvent(service.app, FxRateUpdated, {
        pair,
        base,
        quote,
        rate,
        asOf: new Date().toISOString(),
        source: 'test',
        synthetic: true,
      });
    }
    await expectEventually(async () => expect(await count('fx_rates')).toBe(3));
    const after = (await service.get<Summary>('/summary')).body;
    expect(after.currency.unconverted).toEqual([]);
    const total = (currency: string) =>
      new Decimal(after.raisedByCurrency.find((entry) => entry.currency === currency)!.total);
    const expected = total('USD')
      .plus(total('EUR').times('1.16'))
      .plus(total('GBP').times('1.33'))
      .plus(total('CAD').div('1.40'));
    expect(after.raisedTotal).toBe(expected.toFixed(2));
  });

  it('serves the landscape by sector and by stage, every round counted once', async () => {
    for (const by of ['sector', 'stage']) {
      const { status, body } = await service.get<Landscape>(`/landscape?by=${by}&from=2010-01-01`);
      expect(status).toBe(200);
      expect(body.groups.reduce((sum, group) => sum + group.count, 0)).toBe(403);
      for (const group of body.groups) {
        const spread = new Decimal(group.mean!).times(group.count).minus(group.total).abs();
        expect(spread.lte(new Decimal('0.01').times(group.count))).toBe(true);
      }
    }
    // Quarter over quarter, counted back from `to`: the last complete quarter against the one before.
    const quarters = (await service.get<Landscape>('/landscape?by=stage&to=2026-11-24')).body;
    const inQuarter = async (from: string, to: string) =>
      Number(
        (
          await db.query(
            `SELECT count(*)::int AS n FROM funding_rounds WHERE announced_on BETWEEN $1 AND $2`,
            [from, to],
          )
        )[0].n,
      );
    const sum = (pick: (group: Landscape['groups'][number]) => { quarter: string; count: number }) =>
      quarters.groups.reduce((total, group) => total + pick(group).count, 0);
    expect(quarters.groups[0].lastQuarter.quarter).toBe('2026-Q3');
    expect(quarters.groups[0].previousQuarter.quarter).toBe('2026-Q2');
    expect(sum((group) => group.lastQuarter)).toBe(await inQuarter('2026-07-01', '2026-09-30'));
    expect(sum((group) => group.previousQuarter)).toBe(await inQuarter('2026-04-01', '2026-06-30'));
    const change = quarters.groups.find((group) => group.previousQuarter.count > 0)!;
    expect(change.countChangePercent).toBe(
      new Decimal(change.lastQuarter.count)
        .minus(change.previousQuarter.count)
        .div(change.previousQuarter.count)
        .times(100)
        .toFixed(2),
    );
    const bad = await service.get<ErrorBody>('/landscape?by=country');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['by must be sector or stage']);
  });

  it('filters rounds and shows a company with its valuation step-ups', async () => {
    const seed = await service.get<{ stage: string; companyId: string }[]>('/rounds?stage=seed&limit=500');
    expect(seed.status).toBe(200);
    expect(seed.body.length).toBeGreaterThan(10);
    expect(seed.body.every((round) => round.stage === 'seed')).toBe(true);
    expect((await service.get<ErrorBody>('/rounds?stage=series-z')).status).toBe(400);

    const [company]: { company_id: string }[] = await db.query(
      `SELECT company_id FROM funding_rounds GROUP BY company_id HAVING count(*) >= 3 ORDER BY company_id LIMIT 1`,
    );
    const detail = await service.get<CompanyDetail>(`/companies/${company.company_id}`);
    expect(detail.status).toBe(200);
    const [first, second] = detail.body.rounds;
    expect(first.stepUp).toBeUndefined();
    expect(second.stepUp).toBe(new Decimal(second.preMoney!).div(first.postMoney!).toFixed(2));
    expect(detail.body.valuations.length).toBeGreaterThanOrEqual(3);
    expect((await service.get('/companies/no-such-company')).status).toBe(404);
    const secondaries = await service.get<{ basis: string; valuedOn: string }[]>(
      '/valuations?basis=secondary&limit=1000',
    );
    expect(secondaries.status).toBe(200);
    expect(secondaries.body.length).toBe(
      Number((await db.query(`SELECT count(*)::int AS n FROM valuations WHERE basis = 'secondary'`))[0].n),
    );
    expect(secondaries.body.every((valuation) => valuation.basis === 'secondary')).toBe(true);
    expect((await service.get('/valuations?from=2026-02-30')).status).toBe(400);
  });

  it('ranks investors by deals, leads and capital over a window', async () => {
    const deals = await service.get<{ entries: { investorId: string; deals: number; rank: number }[] }>(
      '/investors/ranking?by=deals&from=2016-01-01&to=2026-12-31&limit=5',
    );
    expect(deals.status).toBe(200);
    const [top] = deals.body.entries;
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM round_participants p JOIN funding_rounds r ON r.id = p.round_id
        WHERE p.investor_id = $1 AND r.announced_on BETWEEN '2016-01-01' AND '2026-12-31'`,
      [top.investorId],
    );
    expect(top.deals).toBe(n);
    expect(deals.body.entries[1].deals).toBeLessThanOrEqual(top.deals);
    const capital = await service.get<{ entries: { capital: string }[] }>('/investors/ranking?by=capital');
    expect(new Decimal(capital.body.entries[0].capital).greaterThan(0)).toBe(true);
    expect((await service.get('/investors/ranking?from=2026-12-01&to=2026-01-01')).status).toBe(400);

    // No rate reaches CHF: every round is set apart per currency, each counted once however many investors it had.
    const chf = await service.get<{
      currency: { unconverted: { currency: string; count: number; total: string }[] };
    }>('/investors/ranking?currency=CHF&from=2016-01-01&to=2026-12-31');
    const [usd] = await db.query(
      `SELECT count(*)::int AS count, sum(amount)::text AS total FROM funding_rounds r
        WHERE r.currency = 'USD' AND r.announced_on BETWEEN '2016-01-01' AND '2026-12-31'
          AND EXISTS (SELECT 1 FROM round_participants p WHERE p.round_id = r.id)`,
    );
    expect(chf.body.currency.unconverted.find((entry) => entry.currency === 'USD')).toEqual({
      currency: 'USD',
      count: usd.count,
      total: new Decimal(usd.total).toFixed(2),
    });
  });

  it('moves an IPO through the state machine, refusing an invalid move with the allowed ones named', async () => {
    const pipeline = await service.get<{ stage: string; ipos: Ipo[] }[]>('/ipos');
    const rumoured = pipeline.body.find((group) => group.stage === 'rumoured')!.ipos[0];
    expect(rumoured.allowedNext).toEqual(['filed', 'withdrawn']);
    const skip = await service.post<ErrorBody>(`/ipos/${rumoured.companyId}/transitions`, { to: 'listed' });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toBe(
      'An IPO cannot move from rumoured to listed; allowed from rumoured: filed, withdrawn',
    );

    const filed = await service.post<Ipo>(`/ipos/${rumoured.companyId}/transitions`, {
      to: 'filed',
      exchange: 'NASDAQ',
    });
    expect(filed.status).toBe(200);
    expect(filed.body.stage).toBe('filed');
    expect(filed.body.transitions!.map((step) => step.toStage)).toEqual(['rumoured', 'filed']);
    await expectEventually(() => {
      const last = ipos[ipos.length - 1].json<EventEnvelope<VcIpoUpdatedV1>>().data;
      expect(last).toMatchObject({ companyId: rumoured.companyId, fromStage: 'rumoured', toStage: 'filed' });
    });
    const unpriced = await service.post<ErrorBody>(`/ipos/${rumoured.companyId}/transitions`, {
      to: 'priced',
    });
    expect(unpriced.status).toBe(422);
    expect((await service.post(`/ipos/${rumoured.companyId}/transitions`, { to: 'sideways' })).status).toBe(
      400,
    );

    // The feed still says rumoured: the pipeline job refuses to move the IPO back.
    const result = await job('ipo-pipeline');
    expect(result).toMatchObject({ iposRefused: 1, iposInserted: 0, iposChanged: 0 });
    expect((await service.get<Ipo>(`/ipos/${rumoured.companyId}`)).body.stage).toBe('filed');
  });

  it('imports a CSV all or nothing, reporting bad rows by line, and re-imports idempotently', async () => {
    const header =
      'companyId,stage,announcedOn,amount,currency,preMoney,postMoney,leadInvestorId,investorIds';
    const [{ id: company }]: { id: string }[] = await db.query(
      'SELECT id FROM companies ORDER BY id LIMIT 1',
    );
    const [{ id: investor }]: { id: string }[] = await db.query(
      'SELECT id FROM investors ORDER BY id LIMIT 1',
    );
    const good = [
      `${company},growth,2026-11-20,250000000.00,USD,2000000000.00,2250000000.00,${investor},${investor}`,
      `${company},series-e,2026-10-01,90000000.00,USD,,,,`,
    ];
    const bad = await service.post<ErrorBody>('/imports/rounds', {
      format: 'csv',
      content: [
        header,
        good[0],
        `${company},seed,2026-01-05,1000000,USD,4000000,6000000,,`,
        `ghost-co,seed,2026-01-05,1000000,USD,,,,`,
      ].join('\n'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([
      'The rounds file was not imported: 1 row(s) are invalid, nothing was applied',
      'line 3: postMoney 6000000 must equal preMoney + amount (5000000.00)',
    ]);
    const unknown = await service.post<ErrorBody>('/imports/rounds', {
      format: 'csv',
      content: [header, good[0], 'ghost-co,seed,2026-01-05,1000000,USD,,,,'].join('\n'),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toContain("line 3: unknown company 'ghost-co'");
    expect(await count('funding_rounds')).toBe(403);

    const first = await service.post<{ counts: Record<string, number> }>('/imports/rounds', {
      format: 'csv',
      content: [header, ...good].join('\n'),
      source: 'partner-export',
    });
    expect(first.status).toBe(201);
    expect(first.body.counts).toEqual({ roundsInserted: 2, roundsChanged: 0, roundsUnchanged: 0 });
    await expectEventually(() => expect(rounds).toHaveLength(405));
    const again = await service.post<{ counts: Record<string, number> }>('/imports/rounds', {
      format: 'csv',
      content: [header, ...good].join('\n'),
      source: 'partner-export',
    });
    expect(again.body.counts).toEqual({ roundsInserted: 0, roundsChanged: 0, roundsUnchanged: 2 });
    expect(await count('funding_rounds')).toBe(405);
    const [row] = await db.query(`SELECT source FROM funding_rounds WHERE id = $1`, [
      `${company}/growth/2026-11-20`,
    ]);
    expect(row.source).toBe('partner-export');

    const json = await service.post<ErrorBody>('/imports/companies', {
      format: 'json',
      rows: [
        {
          id: 'new-co',
          name: 'New Co',
          sector: 'ai',
          subSector: 'applied-ai',
          country: 'US',
          foundedYear: 2025,
          status: 'unicorn',
        },
      ],
    });
    expect(json.status).toBe(422);
    expect(json.body.message).toEqual([
      'The companies file was not imported: 1 row(s) are invalid, nothing was applied',
      'line 1: status must be one of private, acquired, public, closed',
    ]);
    expect((await service.post('/imports/unicorns', { format: 'json', rows: [] })).status).toBe(400);
    const [fund]: { id: string; vintage: number }[] = await db.query(
      'SELECT id, vintage FROM funds ORDER BY id LIMIT 1',
    );
    const early = await service.post<ErrorBody>('/imports/fund-flows', {
      format: 'json',
      rows: [{ fundId: fund.id, kind: 'call', date: `${fund.vintage - 1}-12-31`, amount: '1000000.00' }],
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain(
      `line 1: date ${fund.vintage - 1}-12-31 is before the fund's vintage year ${fund.vintage}`,
    );
    expect(rounds).toHaveLength(405);
  });

  it('imports JSON and a bare text/csv body idempotently, refusing amounts finer than a cent by line', async () => {
    const companies = [
      {
        id: 'json-co-one',
        name: 'Json Co One',
        sector: 'ai',
        subSector: 'applied-ai',
        country: 'US',
        foundedYear: 2024,
        status: 'private',
      },
      {
        id: 'json-co-two',
        name: 'Json Co Two',
        sector: 'fintech',
        subSector: 'payments',
        country: 'GB',
        foundedYear: 2023,
        status: 'private',
      },
    ];
    const first = await service.post<{ counts: Record<string, number> }>('/imports/companies', {
      format: 'json',
      rows: companies,
      source: 'partner-json',
    });
    expect(first).toMatchObject({ status: 201, body: { counts: { companiesInserted: 2 } } });
    const again = await service.post<{ counts: Record<string, number> }>('/imports/companies', {
      format: 'json',
      rows: companies,
      source: 'partner-json',
    });
    expect(again.body.counts).toEqual({ companiesInserted: 0, companiesChanged: 0, companiesUnchanged: 2 });
    const sources = await db.query(`SELECT DISTINCT source FROM companies WHERE id LIKE 'json-co-%'`);
    expect(sources).toEqual([{ source: 'partner-json' }]);

    const csv = async (kind: string, text: string) => {
      const response = await fetch(`${service.url}/imports/${kind}?source=partner-csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: text,
      });
      return {
        status: response.status,
        body: (await response.json()) as { counts?: Record<string, number>; message?: string[] },
      };
    };
    const header =
      'companyId,stage,announcedOn,amount,currency,preMoney,postMoney,leadInvestorId,investorIds';
    const subCent = await csv(
      'rounds',
      [header, 'json-co-one,seed,2026-02-02,1.005,USD,1.005,2.010,,'].join('\n'),
    );
    expect(subCent.status).toBe(422);
    expect(subCent.body.message![1]).toMatch(
      /^line 2: amount must be a positive amount with at most 2 decimals, such as "1250000.00"; preMoney must/,
    );
    const plain = await csv('rounds', [header, 'json-co-one,seed,2026-02-02,1500000.00,USD,,,,'].join('\n'));
    expect(plain).toMatchObject({ status: 201, body: { counts: { roundsInserted: 1 } } });
    const [round] = await db.query(
      `SELECT source FROM funding_rounds WHERE id = 'json-co-one/seed/2026-02-02'`,
    );
    expect(round.source).toBe('partner-csv');
  });

  it('imports an IPO that skipped stages as one allowed move per stage, and refuses to change a listed one', async () => {
    const pipeline = (await service.get<{ stage: string; ipos: (Ipo & { exchange?: string })[] }[]>('/ipos'))
      .body;
    const rumoured = pipeline.find((group) => group.stage === 'rumoured')!.ipos.at(-1)!;
    const seen = ipos.length;
    const listedRow = {
      companyId: rumoured.companyId,
      stage: 'listed',
      exchange: 'NYSE',
      ticker: 'SKIP',
      price: '18.5000',
      currency: 'USD',
      expectedOn: '2026-11-02',
    };
    const skipped = await service.post<{ counts: Record<string, number> }>('/imports/ipos', {
      format: 'json',
      rows: [listedRow],
    });
    expect(skipped.status).toBe(201);
    const history = await db.query(
      `SELECT from_stage, to_stage FROM ipo_transitions WHERE company_id = $1 ORDER BY changed_at`,
      [rumoured.companyId],
    );
    expect(
      history.map(
        (step: { from_stage: string | null; to_stage: string }) => `${step.from_stage}->${step.to_stage}`,
      ),
    ).toEqual(['null->rumoured', 'rumoured->filed', 'filed->priced', 'priced->listed']);
    await expectEventually(() =>
      expect(
        ipos.slice(seen).map((message) => message.json<EventEnvelope<VcIpoUpdatedV1>>().data.toStage),
      ).toEqual(['filed', 'priced', 'listed']),
    );
    const [company] = await db.query('SELECT status FROM companies WHERE id = $1', [rumoured.companyId]);
    expect(company.status).toBe('public');

    const retick = await service.post<ErrorBody>('/imports/ipos', {
      format: 'json',
      rows: [{ ...listedRow, ticker: 'SKIP2' }],
    });
    expect(retick.status).toBe(422);
    expect(retick.body.message).toContain(
      'line 1: the IPO is listed, a final stage: it can no longer change',
    );
    const same = await service.post<{ counts: Record<string, number> }>('/imports/ipos', {
      format: 'json',
      rows: [listedRow],
    });
    expect(same.body.counts).toMatchObject({ iposUnchanged: 1 });
    expect(ipos.length).toBe(seen + 3);
  });

  it('lists acquisitions by status and exits (completed deals and listings) newest first', async () => {
    const completed = await service.get<{ status: string }[]>('/acquisitions?status=completed');
    expect(completed.status).toBe(200);
    const [{ deals }] = await db.query(
      `SELECT count(*)::int AS deals FROM acquisitions WHERE status = 'completed'`,
    );
    expect(completed.body).toHaveLength(deals);
    expect(completed.body.every((deal) => deal.status === 'completed')).toBe(true);
    expect((await service.get<ErrorBody>('/acquisitions?status=rumoured')).status).toBe(400);

    const exits = (await service.get<{ type: string; date: string }[]>('/exits')).body;
    const [{ listed }] = await db.query(`SELECT count(*)::int AS listed FROM ipos WHERE stage = 'listed'`);
    expect(exits.filter((exit) => exit.type === 'acquisition')).toHaveLength(deals);
    expect(exits.filter((exit) => exit.type === 'ipo')).toHaveLength(listed);
    const dates = exits.map((exit) => exit.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('computes fund multiples and IRR, and a PME over the provider index history, live levels taking precedence', async () => {
    const funds = (await service.get<Fund[]>('/funds')).body;
    expect(funds.length).toBeGreaterThanOrEqual(20);
    const [sums] = await db.query(
      `SELECT sum(amount) FILTER (WHERE kind = 'call')::text AS calls,
              sum(amount) FILTER (WHERE kind = 'distribution')::text AS distributions
         FROM fund_flows WHERE fund_id = $1`,
      [funds[0].id],
    );
    const fund = funds[0].returns;
    expect(fund.paidIn).toBe(new Decimal(sums.calls).toFixed(2));
    expect(fund.tvpi.value).toBe(new Decimal(sums.distributions).plus(fund.nav).div(sums.calls).toFixed(4));
    expect(funds.every((entry) => entry.returns.irr.defined || entry.returns.irr.reason)).toBe(true);
    expect(funds.filter((entry) => entry.returns.irr.defined).length).toBeGreaterThan(15);
    expect((await service.get('/funds/no-such-fund')).status).toBe(404);

    // The sync loaded the provider's daily index history, back past the first cash flow of any fund.
    const [history] = await db.query(
      `SELECT count(*)::int AS days, min(level_on)::text AS first, bool_and(source = 'bundled') AS bundled
         FROM index_levels WHERE symbol = 'SPY'`,
    );
    expect(history).toEqual({ days: 3849, first: '2011-12-30', bundled: true });
    const usdFunds = funds.filter((entry) => entry.currency === 'USD');
    expect(usdFunds.length).toBeGreaterThan(10);
    expect(usdFunds.every((entry) => entry.returns.pme.defined)).toBe(true);
    expect(funds.find((entry) => entry.currency === 'EUR')!.returns.pme).toEqual({
      defined: false,
      reason: 'the fund is in EUR and the index SPY in USD: a PME needs both in one currency',
    });
    // The KS-PME worked out in SQL, independently of the service: each flow grown by I(T) / I(t), with
    // I the last level at or before the day.
    const expectedPme = async (fundId: string): Promise<Decimal> => {
      const [row] = await db.query(
        `WITH nav AS (
           SELECT flow_date, amount FROM fund_flows WHERE fund_id = $1 AND kind = 'nav'
            ORDER BY flow_date DESC LIMIT 1),
         level_at AS (
           SELECT f.kind, f.amount,
                  (SELECT level FROM index_levels i WHERE i.symbol = 'SPY' AND i.level_on <= f.flow_date
                    ORDER BY i.level_on DESC LIMIT 1) AS level
             FROM fund_flows f, nav
            WHERE f.fund_id = $1 AND f.kind IN ('call', 'distribution') AND f.flow_date <= nav.flow_date),
         terminal AS (
           SELECT level FROM index_levels i, nav WHERE i.symbol = 'SPY' AND i.level_on <= nav.flow_date
            ORDER BY i.level_on DESC LIMIT 1)
         SELECT ((SELECT coalesce(sum(amount * terminal.level / level_at.level) FILTER (WHERE kind = 'distribution'), 0)
                    FROM level_at, terminal) + (SELECT amount FROM nav))
                / (SELECT sum(amount * terminal.level / level_at.level) FILTER (WHERE kind = 'call')
                     FROM level_at, terminal) AS pme`,
        [fundId],
      );
      return new Decimal(row.pme as string);
    };
    const closeTo = (actual: string | undefined, expected: Decimal) =>
      expect(new Decimal(actual!).minus(expected).abs().lte('0.00005')).toBe(true);
    for (const entry of usdFunds.slice(0, 5)) closeTo(entry.returns.pme.value, await expectedPme(entry.id));

    // A live level replaces the provider's level of the same day (here the valuation date), and the
    // PME follows it; prices of other symbols are not index levels.
    const [usdFund] = usdFunds;
    const navDate = usdFund.returns.asOf;
    const [provided] = await db.query(
      `SELECT level::text FROM index_levels WHERE symbol = 'SPY' AND level_on = $1`,
      [navDate],
    );
    const live = new Decimal(provided.level).times(1.1).toFixed(2);
    await publishPrice(service.app, 'SPY', { price: live, asOf: `${navDate}T20:00:00.000Z` });
    await publishPrice(service.app, 'AAPL', { price: '270.00', asOf: `${navDate}T20:00:00.000Z` });
    await expectEventually(async () => {
      const [row] = await db.query(
        `SELECT level::text, source FROM index_levels WHERE symbol = 'SPY' AND level_on = $1`,
        [navDate],
      );
      expect(row).toEqual({ level: new Decimal(live).toFixed(8), source: 'price.updated' });
    });
    expect(await count('index_levels')).toBe(3849);
    const pme = (await service.get<Fund>(`/funds/${usdFund.id}`)).body.returns.pme;
    closeTo(pme.value, await expectedPme(usdFund.id));
    expect(new Decimal(pme.value!).lt(usdFund.returns.pme.value!)).toBe(true);

    // A re-run of the sync adds no level and never overwrites the live one.
    expect((await job('sync')).indexLevelsInserted).toBe(0);
    const [kept] = await db.query(`SELECT source FROM index_levels WHERE symbol = 'SPY' AND level_on = $1`, [
      navDate,
    ]);
    expect(kept.source).toBe('price.updated');

    const benchmarks =
      await service.get<{ vintage: number; funds: number; tvpi: { median?: string } }[]>('/funds/benchmarks');
    expect(benchmarks.body.reduce((sum, vintage) => sum + vintage.funds, 0)).toBe(funds.length);
    expect(benchmarks.body.every((vintage) => vintage.tvpi.median !== undefined)).toBe(true);
  });

  it('publishes the weekly investor rankings, one valid event per metric, and the other jobs report counts', async () => {
    const result = await job('top-investors');
    expect(result.dealsRanked).toBeGreaterThan(0);
    await expectEventually(() => expect(rankings).toHaveLength(3));
    const metrics = rankings.map((message) => {
      const envelope = validateEnvelope(message.json());
      return validatePayload(
        contractForType(envelope.type, envelope.version)!,
        envelope.data,
      ) as VcInvestorsRankedV1;
    });
    expect(metrics.map((ranking) => ranking.metric).sort()).toEqual(['capital', 'deals', 'leads']);
    expect(rankings.map((message) => message.subject.slice(namespace.length + 1)).sort()).toEqual([
      'vc.investors.ranked.capital',
      'vc.investors.ranked.deals',
      'vc.investors.ranked.leads',
    ]);
    expect(await job('rounds')).toMatchObject({ roundsInserted: 0, roundsChanged: 0, roundsUnchanged: 403 });
    expect(await job('mna')).toMatchObject({ acquisitionsInserted: 0, acquisitionsChanged: 0 });
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await service.get('/health/ready')).status).toBe(200);
    expect((await service.get<string>('/metrics')).status).toBe(200);
    const openapi = await service.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/valuations',
        '/summary',
        '/landscape',
        '/rounds',
        '/funds',
        '/ipos/{companyId}/transitions',
        '/imports/{kind}',
      ]),
    );
  });
});
