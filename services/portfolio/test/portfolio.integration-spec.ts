import {
  contractForType,
  validatePayload,
  type PortfolioAlertTriggeredV1,
  type PortfolioSnapshotCreatedV1,
  type PortfolioValuedV1,
} from '@marketpulse/contracts';
import { xirr } from '@marketpulse/finance';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { publishPrice } from '../../../test/support/price-events';
import type { RunningService } from '../../../test/support/service-harness';
import { money, toPercent } from '../src/money/money';
import { rangeBaseline } from '../src/performance/performance-ranges';
import { PortfolioConfig } from '../src/portfolio.config';
import { ValuationRepository } from '../src/valuation/valuation.repository';
import {
  bearer,
  daysAgo,
  iso,
  payloads,
  startPortfolio,
  today,
  type ErrorBody,
  type Portfolio,
  type PortfolioUnderTest,
} from './portfolio-under-test';

describe('portfolio service (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolios: PortfolioUnderTest;
  let service: RunningService<PortfolioConfig>;
  let db: DataSource;

  beforeAll(async () => {
    portfolios = await startPortfolio(namespace);
    ({ service, db } = portfolios);
    await portfolios.price('AAPL', '100');
    await portfolios.price('MSFT', '50');
    await portfolios.eurusd('1.25');
  });

  afterAll(async () => {
    await portfolios?.close();
  });

  it('serves health and an OpenAPI document with the portfolio routes', async () => {
    expect((await service.get('/health/ready')).status).toBe(200);
    const openapi = await service.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/portfolios',
        '/portfolios/{portfolioId}/transactions',
        '/portfolios/{portfolioId}/transactions/import',
        '/portfolios/{portfolioId}/holdings',
        '/portfolios/{portfolioId}/performance',
        '/portfolios/{portfolioId}/snapshots',
        '/portfolios/{portfolioId}/alerts',
      ]),
    );
  });

  it('keeps portfolios to their owner: another user gets 404, no token gets 401', async () => {
    const mine = await portfolios.createPortfolio('alice', { name: 'Mine', baseCurrency: 'USD' });
    expect(mine).toMatchObject({ baseCurrency: 'USD', costMethod: 'average', value: '0', stale: false });
    expect((await service.get(`/portfolios/${mine.id}`, bearer('bob'))).status).toBe(404);
    expect((await service.get(`/portfolios/${mine.id}/holdings`, bearer('bob'))).status).toBe(404);
    expect(
      (await portfolios.addTransaction(mine.id, { type: 'deposit', date: today(), amount: '1' }, 'bob'))
        .status,
    ).toBe(404);
    expect((await portfolios.call('DELETE', `/portfolios/${mine.id}`, undefined, 'bob')).status).toBe(404);
    expect((await service.get('/portfolios')).status).toBe(401);
    expect((await service.get<Portfolio[]>('/portfolios', bearer('bob'))).body).toEqual([]);
    const renamed = await portfolios.call<Portfolio>(
      'PATCH',
      `/portfolios/${mine.id}`,
      { name: 'Renamed' },
      'alice',
    );
    expect(renamed.body).toMatchObject({ name: 'Renamed' });
    expect((await portfolios.call('DELETE', `/portfolios/${mine.id}`, undefined, 'alice')).status).toBe(204);
    expect((await service.get(`/portfolios/${mine.id}`, bearer('alice'))).status).toBe(404);
    const bad = await service.post<ErrorBody>(
      '/portfolios',
      { name: 'x', baseCurrency: 'euro' },
      bearer('alice'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['baseCurrency must be an ISO 4217 code such as EUR']);
  });

  it('refuses bad transactions with a clear 4xx', async () => {
    const portfolio = await portfolios.createPortfolio('alice', { name: 'Checks', baseCurrency: 'USD' });
    const cases: [object, number, string][] = [
      [{ type: 'buy', date: '2099-01-01', symbol: 'AAPL', quantity: '1', price: '1' }, 422, 'in the future'],
      [{ type: 'buy', date: today(), symbol: 'NOPE', quantity: '1', price: '1' }, 422, 'unknown symbol NOPE'],
      [
        { type: 'buy', date: today(), symbol: 'AAPL', quantity: '0', price: '1' },
        400,
        'quantity must be a positive',
      ],
      [
        { type: 'buy', date: today(), symbol: 'AAPL', quantity: '-2', price: '1' },
        400,
        'quantity must be a positive',
      ],
      [{ type: 'sell', date: today(), symbol: 'AAPL', quantity: '1', price: '1' }, 422, 'only 0 held'],
      [{ type: 'buy', date: today(), symbol: 'AAPL', price: '1' }, 422, 'quantity is required for a buy'],
      [
        { type: 'buy', date: today(), symbol: 'AAPL', quantity: '1', price: '1', currency: 'EUR' },
        422,
        'trades in USD',
      ],
      [{ type: 'deposit', date: '2026-02-30', amount: '5' }, 422, 'does not exist'],
    ];
    for (const [body, status, message] of cases) {
      const response = await portfolios.addTransaction(portfolio.id, body, 'alice');
      expect({ body, status: response.status }).toEqual({ body, status });
      expect([response.body.message].flat().join('; ')).toContain(message);
    }
    const listed = await service.get<unknown[]>(`/portfolios/${portfolio.id}/transactions`, bearer('alice'));
    expect(listed.body).toEqual([]);
  });

  it('honours Idempotency-Key: a retried buy is recorded once and answered the same', async () => {
    const portfolio = await portfolios.createPortfolio('alice', { name: 'Retry', baseCurrency: 'USD' });
    const buy = { type: 'buy', date: today(), symbol: 'AAPL', quantity: '10', price: '90', fees: '1' };
    const key = { 'idempotency-key': randomUUID() };
    const [first, second] = await Promise.all([
      portfolios.addTransaction(portfolio.id, buy, 'alice', key),
      portfolios.addTransaction(portfolio.id, buy, 'alice', key),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const third = await portfolios.addTransaction(portfolio.id, buy, 'alice', key);
    expect(third.body.id).toBe(first.body.id);
    expect(
      (await portfolios.addTransaction(portfolio.id, { ...buy, quantity: '11' }, 'alice', key)).status,
    ).toBe(409);
    const held = await portfolios.holdings(portfolio.id, 'alice');
    expect(held.holdings).toEqual([
      expect.objectContaining({ symbol: 'AAPL', quantity: '10', costBasis: '900.00000000' }),
    ]);
    expect(held.cash).toBe('-901.00000000');
  });

  it('revalues every holder of a symbol on its price event, in the base currency, and publishes portfolio.valued', async () => {
    const usd = await portfolios.createPortfolio('carol', { name: 'Dollars', baseCurrency: 'USD' });
    const eur = await portfolios.createPortfolio('dave', { name: 'Euros', baseCurrency: 'EUR' });
    await portfolios.addTransaction(
      usd.id,
      { type: 'buy', date: today(), symbol: 'MSFT', quantity: '4', price: '50' },
      'carol',
    );
    await portfolios.addTransaction(
      eur.id,
      { type: 'buy', date: today(), symbol: 'MSFT', quantity: '10', price: '50' },
      'dave',
    );
    // 10 × 50 USD at 1 EUR = 1.25 USD is 400 EUR.
    expect((await portfolios.holdings(eur.id, 'dave')).value).toBe('400.00000000');

    await portfolios.price('MSFT', '60');
    await expectEventually(async () => {
      const [dollars, euros] = await Promise.all([
        service.get<Portfolio>(`/portfolios/${usd.id}`, bearer('carol')),
        service.get<Portfolio>(`/portfolios/${eur.id}`, bearer('dave')),
      ]);
      expect(dollars.body.value).toBe('240');
      expect(euros.body.value).toBe('480');
    });
    await expectEventually(async () => {
      const events = payloads<PortfolioValuedV1>(portfolios.valued).filter(
        (event) => event.portfolioId === eur.id,
      );
      expect(events.map((event) => event.value)).toContain('480.00000000');
    });
    for (const message of portfolios.valued) {
      const envelope = message.json<{ type: string; version: number; data: object }>();
      expect(() =>
        validatePayload(contractForType(envelope.type, envelope.version)!, envelope.data),
      ).not.toThrow();
    }

    // A new rate revalues the foreign holdings: 600 USD at 1.5 is 400 EUR.
    await portfolios.eurusd('1.5');
    await expectEventually(async () => {
      expect((await service.get<Portfolio>(`/portfolios/${eur.id}`, bearer('dave'))).body.value).toBe('400');
    });
  });

  it('throttles portfolio.valued to once per portfolio per interval, then publishes the latest value', async () => {
    const portfolio = await portfolios.createPortfolio('kate', { name: 'Throttled', baseCurrency: 'USD' });
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'AAPL', quantity: '1', price: '100' },
      'kate',
    );
    const repository = service.app.get(ValuationRepository);
    const take = (at: Date) =>
      db.transaction((manager) => repository.takeDueForPublication(manager, at, 60_000, 100_000));
    // Published a moment ago and revalued since: not due again within the minute…
    const now = new Date(Date.now() + 1000);
    await db.query(
      `INSERT INTO valued_publications (portfolio_id, published_at) VALUES ($1, $2)
       ON CONFLICT (portfolio_id) DO UPDATE SET published_at = EXCLUDED.published_at`,
      [portfolio.id, now],
    );
    await db.query(`UPDATE portfolios SET valuation_seq = nextval('valuation_seq') WHERE id = $1`, [
      portfolio.id,
    ]);
    expect((await take(new Date(now.getTime() + 30_000))).map((row) => row.id)).not.toContain(portfolio.id);
    // …and once the minute is over, the latest valuation goes out once (the service's own publisher may
    // hold the publication lock for a moment, hence the retries).
    const later = new Date(now.getTime() + 61_000);
    let published = 0;
    await expectEventually(async () => {
      published += (await take(later)).filter((row) => row.id === portfolio.id).length;
      expect(published).toBe(1);
    });
    expect((await take(later)).filter((row) => row.id === portfolio.id)).toHaveLength(0);
  });

  it('lets revaluations of many portfolios take turns, so a price lane and an FX lane cannot deadlock', async () => {
    const portfolio = await portfolios.createPortfolio('mona', { name: 'Turns', baseCurrency: 'USD' });
    await portfolios.price('TURN', '20');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'TURN', quantity: '1', price: '20' },
      'mona',
    );
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('portfolio.revalue-many'))`);
      const asOf = Date.now() + 1;
      await publishPrice(service.app, 'TURN', { price: '21', asOf: iso(asOf), currency: 'USD' });
      // The burst's revaluation waits for its turn: the projection (same transaction) is not visible yet.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await service.get<Portfolio>(`/portfolios/${portfolio.id}`, bearer('mona'))).body.value).toBe(
        '20',
      );
      await holder.commitTransaction();
      await expectEventually(async () =>
        expect((await service.get<Portfolio>(`/portfolios/${portfolio.id}`, bearer('mona'))).body.value).toBe(
          '21',
        ),
      );
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('announces a revaluation that commits after a publication it began before (no lost portfolio.valued)', async () => {
    const portfolio = await portfolios.createPortfolio('lena', { name: 'Race', baseCurrency: 'USD' });
    await portfolios.price('RACE', '10');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'RACE', quantity: '1', price: '10' },
      'lena',
    );
    const repository = service.app.get(ValuationRepository);
    const numbers = async () => {
      const [row] = await db.query(
        `SELECT f.valuation_seq::text AS valued, v.published_seq::text AS published
           FROM portfolios f LEFT JOIN valued_publications v ON v.portfolio_id = f.id WHERE f.id = $1`,
        [portfolio.id],
      );
      return row as { valued: string; published: string | null };
    };
    const published = async () => {
      const { valued, published: seq } = await numbers();
      expect(seq).toBe(valued);
      return valued;
    };
    await expectEventually(published);

    // The service's publisher is held off (this test holds the publication lock), so that what happens
    // is exactly: a valuation commits; another begins; the first is announced; the second commits.
    const publisher = db.createQueryRunner();
    const revaluation = db.createQueryRunner();
    await publisher.connect();
    await revaluation.connect();
    try {
      await publisher.startTransaction();
      await publisher.query(`SELECT pg_advisory_xact_lock(hashtext('portfolio.valued-publisher'))`);
      await db.transaction((manager) =>
        repository.revalue(manager, { kind: 'portfolios', ids: [portfolio.id] }, new Date(), new Date(0)),
      );
      await revaluation.startTransaction();
      await revaluation.query(`UPDATE prices SET price = 11 WHERE symbol = 'RACE'`);
      await repository.revalue(
        revaluation.manager,
        { kind: 'portfolios', ids: [portfolio.id] },
        new Date(),
        new Date(0),
      );
      const taken = await repository.takeDueForPublication(publisher.manager, new Date(), 0, 100_000);
      expect(taken.map((row) => row.id)).toContain(portfolio.id);
      await publisher.commitTransaction();
      await revaluation.commitTransaction();
      // The valuation that committed last is announced too, with its value.
      await expectEventually(async () => {
        await published();
        expect(
          payloads<PortfolioValuedV1>(portfolios.valued).some(
            (event) => event.portfolioId === portfolio.id && new Decimal(event.value).eq(11),
          ),
        ).toBe(true);
      });
    } finally {
      for (const runner of [publisher, revaluation]) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
  });

  it('flags a valuation from a price older than the staleness limit', async () => {
    const portfolio = await portfolios.createPortfolio('erin', { name: 'Old prices', baseCurrency: 'USD' });
    await portfolios.price('OLDCO', '20', Date.now() - 60 * 60 * 1000);
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'OLDCO', quantity: '5', price: '20' },
      'erin',
    );
    const held = await portfolios.holdings(portfolio.id, 'erin');
    expect(held.stale).toBe(true);
    expect(held.holdings[0]).toMatchObject({ symbol: 'OLDCO', stale: true, marketValue: '100.00000000' });
    expect((await service.get<Portfolio>(`/portfolios/${portfolio.id}`, bearer('erin'))).body.stale).toBe(
      true,
    );
    await portfolios.price('OLDCO', '21');
    await expectEventually(async () => {
      expect(
        (await service.get<Portfolio>(`/portfolios/${portfolio.id}`, bearer('erin'))).body,
      ).toMatchObject({
        stale: false,
        value: '105',
      });
    });
  });

  it('judges staleness when the value is read, from the oldest price behind it, not from when it was revalued', async () => {
    const portfolio = await portfolios.createPortfolio('nora', { name: 'Aging prices', baseCurrency: 'USD' });
    const path = `/portfolios/${portfolio.id}`;
    // 8 s short of the 10-minute limit when the purchase revalues the portfolio.
    await portfolios.price('AGING', '30', Date.now() - 10 * 60 * 1000 + 8000);
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'AGING', quantity: '2', price: '30' },
      'nora',
    );
    const fresh = await service.get<Portfolio>(path, bearer('nora'));
    expect(fresh.body).toMatchObject({ value: '60', stale: false });
    expect((await service.get<{ stale: boolean }>(`${path}/performance`, bearer('nora'))).body.stale).toBe(
      false,
    );
    // No price since and no revaluation: the same value, now from a price past the limit.
    await expectEventually(async () => {
      expect((await service.get<Portfolio>(path, bearer('nora'))).body.stale).toBe(true);
      const [listed] = (await service.get<Portfolio[]>('/portfolios', bearer('nora'))).body;
      expect(listed.stale).toBe(true);
      const performance = await service.get<{ stale: boolean; value: string }>(
        `${path}/performance`,
        bearer('nora'),
      );
      expect(performance.body).toMatchObject({ stale: true, value: '60.00000000' });
    }, 20_000);
  });

  it('imports CSV all or nothing, reporting bad rows by line', async () => {
    const portfolio = await portfolios.createPortfolio('frank', {
      name: 'Imported',
      baseCurrency: 'USD',
      costMethod: 'fifo',
    });
    const path = `/portfolios/${portfolio.id}/transactions/import`;
    const bad = await service.post<ErrorBody>(
      path,
      {
        csv:
          'date,type,symbol,quantity,price,amount,fees\n' +
          `${daysAgo(3)},deposit,,,,5000,\n` +
          `${daysAgo(3)},buy,AAPL,10,80,,1\n` +
          `${daysAgo(2)},buy,NOPE,1,1,,\n` +
          `${daysAgo(2)},sell,AAPL,abc,90,,\n`,
      },
      bearer('frank'),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual([
      'line 5: quantity must be a positive decimal string such as "10.5", at most 18 digits before the point and 10 after',
      'line 4: unknown symbol NOPE: no price has been seen for it',
    ]);
    expect(
      (await service.get<unknown[]>(`/portfolios/${portfolio.id}/transactions`, bearer('frank'))).body,
    ).toEqual([]);

    const oversold = await service.post<ErrorBody>(
      path,
      { csv: `date,type,symbol,quantity,price\n${daysAgo(3)},buy,AAPL,1,80\n${daysAgo(2)},sell,AAPL,2,90\n` },
      bearer('frank'),
    );
    expect(oversold.status).toBe(422);
    expect(oversold.body.message).toEqual([`line 3: selling 2 AAPL on ${daysAgo(2)} but only 1 held then`]);

    const good = await service.post<{ imported: number }>(
      path,
      {
        csv:
          'date,type,symbol,quantity,price,amount,fees\n' +
          `${daysAgo(3)},buy,AAPL,10,80,,1\n` +
          `${daysAgo(2)},buy,AAPL,10,90,,1\n` +
          `${daysAgo(1)},sell,AAPL,5,100,,1\n` +
          `${daysAgo(1)},dividend,AAPL,,,7.5,\n`,
      },
      bearer('frank'),
    );
    expect(good).toEqual({ status: 201, body: expect.objectContaining({ imported: 4 }) });

    // A real file as a text/csv body: 3,000 rows (about 120 kB, past express's default limit), one import.
    const big = await portfolios.createPortfolio('frank', {
      name: 'Big file',
      baseCurrency: 'USD',
      costMethod: 'average',
    });
    const rows = Array.from({ length: 3000 }, (_, i) => `${daysAgo(2)},buy,AAPL,1,${80 + (i % 10)},,0`);
    const upload = await fetch(`${service.url}/portfolios/${big.id}/transactions/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...bearer('frank') },
      body: `date,type,symbol,quantity,price,amount,fees\n${rows.join('\n')}\n`,
    });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({ imported: 3000 });
    const empty = await service.post<ErrorBody>(
      `/portfolios/${big.id}/transactions/import`,
      {},
      bearer('frank'),
    );
    expect(empty.status).toBe(400);
    // FIFO: the sale takes 5 of the lot at 80; 5 @ 80 + 10 @ 90 = 1,300 remain.
    const held = await portfolios.holdings(portfolio.id, 'frank');
    expect(held.holdings[0]).toMatchObject({ quantity: '15', costBasis: '1300.00000000' });

    const performance = await service.get<Record<string, string>>(
      `/portfolios/${portfolio.id}/performance?range=MAX`,
      bearer('frank'),
    );
    // Realised 5 × (100 − 80) = 100; unrealised 15 × 100 − 1,300 = 200; dividends 7.5; fees 3.
    expect(performance.body).toMatchObject({
      realisedGain: '100.00000000',
      unrealisedGain: '200.00000000',
      dividends: '7.50000000',
      fees: '3.00000000',
      grossGain: '307.50000000',
      netGain: '304.50000000',
    });
    expect(
      (await service.get(`/portfolios/${portfolio.id}/performance?range=2Y`, bearer('frank'))).status,
    ).toBe(400);
  });

  it('refuses to delete a buy that a later sale needs', async () => {
    const portfolio = await portfolios.createPortfolio('gina', { name: 'Deletes', baseCurrency: 'USD' });
    const buy = await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(2), symbol: 'AAPL', quantity: '3', price: '90' },
      'gina',
    );
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'sell', date: daysAgo(1), symbol: 'AAPL', quantity: '2', price: '95' },
      'gina',
    );
    const refused = await portfolios.call<ErrorBody>(
      'DELETE',
      `/portfolios/${portfolio.id}/transactions/${buy.body.id}`,
      undefined,
      'gina',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('only 0 held');
    expect((await portfolios.holdings(portfolio.id, 'gina')).holdings[0]).toMatchObject({ quantity: '1' });
  });

  it('takes one snapshot per portfolio and day: a re-run replaces it and publishes again', async () => {
    const portfolio = await portfolios.createPortfolio('hank', { name: 'Snapshots', baseCurrency: 'USD' });
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'AAPL', quantity: '2', price: '100' },
      'hank',
    );
    const slot = new Date();
    await portfolios.runJob('snapshot', slot);
    await portfolios.runJob('snapshot', slot);
    const rows: { count: string }[] = await db.query(
      'SELECT count(*) FROM snapshots WHERE portfolio_id = $1',
      [portfolio.id],
    );
    expect(rows[0].count).toBe('1');
    await expectEventually(() => {
      const mine = payloads<PortfolioSnapshotCreatedV1>(portfolios.snapshotsCreated).filter(
        (event) => event.portfolioId === portfolio.id,
      );
      expect(mine).toHaveLength(2);
      expect(mine[0]).toMatchObject({ day: today(), value: '200', costBasis: '200', ownerId: 'hank' });
    });
    const listed = await service.get<{ day: string; holdings: unknown[] }[]>(
      `/portfolios/${portfolio.id}/snapshots?from=${daysAgo(1)}&to=${today()}`,
      bearer('hank'),
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        day: today(),
        holdings: [{ symbol: 'AAPL', quantity: '2', price: '100', value: '200' }],
      }),
    ]);
    await portfolios.runJob('performance');
    const daily = await service.get<unknown[]>(
      `/portfolios/${portfolio.id}/performance/daily`,
      bearer('hank'),
    );
    // Bought at 100, priced at 100: no gain yet, AAPL alone is both top gainer and top loser.
    expect(daily.body).toEqual([
      expect.objectContaining({
        day: today(),
        grossGain: '0',
        topGainer: 'AAPL',
        topGainerPercent: '0',
        topLoser: 'AAPL',
        averageReturnPercent: '0',
      }),
    ]);
  });

  it('computes TWR with a mid-period purchase from daily snapshots, by hand', async () => {
    const portfolio = await portfolios.createPortfolio('judy', { name: 'Returns', baseCurrency: 'USD' });
    const path = `/portfolios/${portfolio.id}`;
    // Two days ago: 10 bought at 100, close 1,000.
    await portfolios.price('TWRCO', '100');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(2), symbol: 'TWRCO', quantity: '10', price: '100' },
      'judy',
    );
    await portfolios.snapshotOn(daysAgo(2));
    // Yesterday: 5 more at 110 (a flow of 550), close 15 × 110 = 1,650.
    await portfolios.price('TWRCO', '110');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(1), symbol: 'TWRCO', quantity: '5', price: '110' },
      'judy',
    );
    await portfolios.snapshotOn(daysAgo(1));
    // Now: 15 × 99 = 1,485.
    await portfolios.price('TWRCO', '99');
    await expectEventually(async () => {
      expect((await service.get<Portfolio>(path, bearer('judy'))).body.value).toBe('1485');
    });

    // 1,000 / (0 + 1,000) × 1,650 / (1,000 + 550) × 1,485 / 1,650 − 1 = 1,485 / 1,550 − 1 = −4.1935 %,
    // where the simple gain (1,485 − 1,550) / 1,550 happens to agree; the drawdown is 1,650 → 1,485 per unit.
    const max = await service.get<Record<string, string>>(`${path}/performance?range=MAX`, bearer('judy'));
    expect(max.body).toMatchObject({
      twrGrossPercent: '-4.1935',
      twrNetPercent: '-4.1935',
      maxDrawdownPercent: '10.0000',
      points: 4,
      unrealisedGain: '-65.00000000',
    });
    expect(max.body.xirrPercent ?? max.body.xirrUndefinedReason).toBeDefined();
    // 1D starts from yesterday's close: 1,485 / 1,650 − 1.
    const day = await service.get<Record<string, string>>(`${path}/performance?range=1D`, bearer('judy'));
    expect(day.body).toMatchObject({ twrNetPercent: '-10.0000', from: today(), points: 2 });
  });

  it('fires a price alert once on crossing, not again while in cooldown, and keeps its history', async () => {
    const portfolio = await portfolios.createPortfolio('ivan', { name: 'Alerts', baseCurrency: 'USD' });
    await portfolios.price('ALRT', '10');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'ALRT', quantity: '1', price: '10' },
      'ivan',
    );
    const created = await service.post<{ id: string } & ErrorBody>(
      `/portfolios/${portfolio.id}/alerts`,
      { kind: 'price_above', symbol: 'ALRT', threshold: '12', cooldownSeconds: 3600 },
      bearer('ivan'),
    );
    expect(created.status).toBe(201);
    const milestone = await service.post<{ id: string }>(
      `/portfolios/${portfolio.id}/alerts`,
      { kind: 'value_milestone', threshold: '12' },
      bearer('ivan'),
    );
    const noSymbol = await service.post<ErrorBody>(
      `/portfolios/${portfolio.id}/alerts`,
      { kind: 'price_below', threshold: '5' },
      bearer('ivan'),
    );
    expect(noSymbol).toMatchObject({
      status: 422,
      body: { message: ['a price_below alert needs a symbol'] },
    });

    const start = Date.now();
    await portfolios.price('ALRT', '12.5', start);
    await portfolios.price('ALRT', '11', start + 1);
    await portfolios.price('ALRT', '13', start + 2);
    await expectEventually(() => {
      const mine = payloads<PortfolioAlertTriggeredV1>(portfolios.alertsTriggered).filter(
        (event) => event.alertId === created.body.id,
      );
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'price_above',
          symbol: 'ALRT',
          observed: '12.5',
          trigger: 'price',
          ownerId: 'ivan',
        }),
      ]);
    });
    // The portfolio-wide milestone (holdings value 12.5 ≥ 12) fires on the same price event.
    await expectEventually(() => {
      const mine = payloads<PortfolioAlertTriggeredV1>(portfolios.alertsTriggered).filter(
        (event) => event.alertId === milestone.body.id,
      );
      expect(mine).toEqual([expect.objectContaining({ kind: 'value_milestone', observed: '12.5' })]);
    });
    // The digest re-evaluates every alert: both are still disarmed (their condition never stopped holding).
    await portfolios.runJob('alerts-digest');
    const fired: { count: string }[] = await db.query(
      'SELECT count(*) FROM alert_firings WHERE alert_id = ANY($1::uuid[])',
      [[created.body.id, milestone.body.id]],
    );
    expect(fired[0].count).toBe('2');
    const history = await service.get<{ observed: string }[]>(
      `/portfolios/${portfolio.id}/alerts/${created.body.id}/history`,
      bearer('ivan'),
    );
    expect(history.body).toEqual([expect.objectContaining({ observed: '12.5', trigger: 'price' })]);
    expect((await service.get(`/portfolios/${portfolio.id}/alerts`, bearer('bob'))).status).toBe(404);
  });

  it('measures a holding drawdown from its peak since purchase, and the portfolio drawdown on its time-weighted index', async () => {
    const portfolio = await portfolios.createPortfolio('judy', { name: 'Drawdowns', baseCurrency: 'USD' });
    const alert = async (body: object) => {
      const created = await service.post<{ id: string }>(
        `/portfolios/${portfolio.id}/alerts`,
        body,
        bearer('judy'),
      );
      expect(created.status).toBe(201);
      return created.body.id;
    };
    const firings = async (alertId: string) =>
      (
        (await db.query('SELECT observed::text FROM alert_firings WHERE alert_id = $1 ORDER BY fired_at', [
          alertId,
        ])) as { observed: string }[]
      ).map((row) => new Decimal(row.observed).toFixed(2));
    const index = async () => {
      const [row] = await db.query(
        'SELECT index_level::text AS level, index_peak::text AS peak FROM portfolios WHERE id = $1',
        [portfolio.id],
      );
      return { level: new Decimal(row.level).toFixed(4), peak: new Decimal(row.peak).toFixed(4) };
    };
    const start = Date.now();
    // Yesterday's 200 was before the purchase: measured from it, the holding would already be 50 % down.
    await portfolios.price('DDWN', '200', start - 86_400_000);
    await portfolios.price('DDWN', '100', start);
    const holding = await alert({ kind: 'drawdown', symbol: 'DDWN', threshold: '15', cooldownSeconds: 60 });
    const whole = await alert({ kind: 'drawdown', threshold: '20', cooldownSeconds: 60 });
    const bought = await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'DDWN', quantity: '10', price: '100' },
      'judy',
    );
    expect(bought.status).toBe(201);
    await portfolios.price('DDWN', '120', start + 1);
    expect(await firings(holding)).toEqual([]);
    expect(await index()).toEqual({ level: '1.2000', peak: '1.2000' });

    // 120 → 102: the holding is 15 % below its peak since purchase and fires; the portfolio is too, short of 20 %.
    await portfolios.price('DDWN', '102', start + 2);
    expect(await firings(holding)).toEqual(['15.00']);
    expect(await firings(whole)).toEqual([]);

    // Selling half takes the value from 1,020 to 510: a flow, not a loss. The index stays at 1.02.
    const sold = await portfolios.addTransaction(
      portfolio.id,
      { type: 'sell', date: today(), symbol: 'DDWN', quantity: '5', price: '102' },
      'judy',
    );
    expect(sold.status).toBe(201);
    expect(await index()).toEqual({ level: '1.0200', peak: '1.2000' });
    expect(await firings(whole)).toEqual([]);

    // 102 → 90 on the remaining five: the index falls to 0.9, 25 % below its peak of 1.2.
    await portfolios.price('DDWN', '90', start + 3);
    expect(await index()).toEqual({ level: '0.9000', peak: '1.2000' });
    expect(await firings(whole)).toEqual(['25.00']);
  });
  it('charges a buy recorded after the snapshot of its trade day to the next value, not a −100 % period', async () => {
    const portfolio = await portfolios.createPortfolio('lena', { name: 'Late buy', baseCurrency: 'USD' });
    const path = `/portfolios/${portfolio.id}`;
    await portfolios.price('LATECO', '100');
    // Yesterday at 16:00 the snapshot finds the new portfolio empty; at 18:00 the day's buy is entered.
    await portfolios.snapshotOn(daysAgo(1));
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(1), symbol: 'LATECO', quantity: '10', price: '100' },
      'lena',
    );
    await portfolios.price('LATECO', '110');
    await expectEventually(async () => {
      expect((await service.get<Portfolio>(path, bearer('lena'))).body.value).toBe('1100');
    });
    // The empty snapshot never saw the 1,000: it flows into the value now, 1,100 / 1,000 − 1.
    const max = await service.get<Record<string, string>>(`${path}/performance?range=MAX`, bearer('lena'));
    expect(max.body).toMatchObject({
      twrGrossPercent: '10.0000',
      twrNetPercent: '10.0000',
      maxDrawdownPercent: '0.0000',
      points: 3,
    });
  });

  it('measures XIRR from a baseline worth nothing without the flows before it', async () => {
    const portfolio = await portfolios.createPortfolio('mike', { name: 'Zero start', baseCurrency: 'USD' });
    const path = `/portfolios/${portfolio.id}`;
    const baseline = rangeBaseline('1Y', today())!;
    const before = (days: number) =>
      new Date(Date.parse(`${baseline}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    await portfolios.price('XIRRCO', '100');
    // Bought and sold at a 50 % gain before the range: nothing is held at its start.
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: before(10), symbol: 'XIRRCO', quantity: '10', price: '100' },
      'mike',
    );
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'sell', date: before(5), symbol: 'XIRRCO', quantity: '10', price: '150' },
      'mike',
    );
    await portfolios.snapshotOn(baseline);
    // In the range: 1,000 put in 100 days ago, worth 1,100 now.
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(100), symbol: 'XIRRCO', quantity: '10', price: '100' },
      'mike',
    );
    await portfolios.price('XIRRCO', '110');
    await expectEventually(async () => {
      expect((await service.get<Portfolio>(path, bearer('mike'))).body.value).toBe('1100');
    });
    const expected = xirr([
      { date: daysAgo(100), amount: money(-1000) },
      { date: today(), amount: money(1100) },
    ]);
    expect(expected.defined).toBe(true);
    const year = await service.get<Record<string, string>>(`${path}/performance?range=1Y`, bearer('mike'));
    expect(year.body).toMatchObject({
      xirrPercent: expected.defined ? toPercent(expected.rate) : 'undefined',
      twrNetPercent: '10.0000',
    });
  });

  it('refuses amounts the columns would round or overflow with a clear 4xx', async () => {
    const portfolio = await portfolios.createPortfolio('olga', { name: 'Limits', baseCurrency: 'USD' });
    const buy = { type: 'buy', date: today(), symbol: 'AAPL', quantity: '1' };
    const priceShape =
      'price must be a positive decimal string such as "187.25", at most 16 digits before the point and 8 after';
    const cases: [object, number, string][] = [
      [{ ...buy, price: '1.123456789' }, 400, priceShape],
      [{ ...buy, price: '12345678901234567' }, 400, priceShape],
      [
        { type: 'deposit', date: today(), amount: '1.123456789' },
        400,
        'amount must be a positive decimal string such as "12.50", at most 18 digits before the point and 8 after',
      ],
      [
        { ...buy, quantity: '0.12345678901', price: '1' },
        400,
        'quantity must be a positive decimal string such as "10.5", at most 18 digits before the point and 10 after',
      ],
      [{ ...buy, fees: '0.123456789', price: '1' }, 400, 'fees must be a non-negative decimal string'],
      [
        { ...buy, quantity: '1000000000', price: '1000000' },
        422,
        'quantity × price must be below 1000000000000000',
      ],
      [
        { type: 'deposit', date: today(), amount: '999999999999999999' },
        422,
        'amount must be below 1000000000000000',
      ],
      [
        { type: 'split', date: today(), symbol: 'AAPL', quantity: '2', fees: '1' },
        422,
        'fees do not apply to a split',
      ],
    ];
    for (const [body, status, message] of cases) {
      const response = await portfolios.addTransaction(portfolio.id, body, 'olga');
      expect({ body, status: response.status }).toEqual({ body, status });
      expect([response.body.message].flat().join('; ')).toContain(message);
    }
    const imported = await service.post<ErrorBody>(
      `/portfolios/${portfolio.id}/transactions/import`,
      { csv: `date,type,symbol,quantity,price\n${today()},buy,AAPL,1,99999999999999999\n` },
      bearer('olga'),
    );
    expect(imported).toMatchObject({ status: 422, body: { message: [`line 2: ${priceShape}`] } });
    const threshold = await service.post<ErrorBody>(
      `/portfolios/${portfolio.id}/alerts`,
      { kind: 'value_milestone', threshold: '100.123456789' },
      bearer('olga'),
    );
    expect(threshold.status).toBe(400);
    expect(threshold.body.message).toEqual([
      'threshold must be a positive decimal string such as "12.50", at most 18 digits before the point and 8 after',
    ]);
    const listed = await service.get<unknown[]>(`/portfolios/${portfolio.id}/transactions`, bearer('olga'));
    expect(listed.body).toEqual([]);
    // The documented JSON form takes the same size of file as the endpoint does.
    const openapi = await service.get<{
      components: { schemas: Record<string, { properties: Record<string, { maxLength?: number }> }> };
    }>('/openapi.json');
    expect(openapi.body.components.schemas.ImportTransactionsDto.properties.csv.maxLength).toBe(5_000_000);
  });

  it('refuses an Idempotency-Key reused at once on two portfolios of the owner with 409, not 500', async () => {
    const first = await portfolios.createPortfolio('pete', { name: 'One', baseCurrency: 'USD' });
    const second = await portfolios.createPortfolio('pete', { name: 'Two', baseCurrency: 'USD' });
    const deposit = { type: 'deposit', date: today(), amount: '10' };
    for (let attempt = 0; attempt < 3; attempt++) {
      const key = { 'idempotency-key': randomUUID() };
      const responses = await Promise.all([
        portfolios.addTransaction(first.id, deposit, 'pete', key),
        portfolios.addTransaction(second.id, deposit, 'pete', key),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    }
  });

  it('fires a value milestone on the way down when asked to', async () => {
    const portfolio = await portfolios.createPortfolio('quinn', { name: 'Milestones', baseCurrency: 'USD' });
    const alerts = `/portfolios/${portfolio.id}/alerts`;
    const start = Date.now();
    await portfolios.price('MILE', '100', start);
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'MILE', quantity: '10', price: '100' },
      'quinn',
    );
    const down = await service.post<{ id: string; direction: string }>(
      alerts,
      { kind: 'value_milestone', threshold: '900', direction: 'down' },
      bearer('quinn'),
    );
    expect(down).toMatchObject({ status: 201, body: { direction: 'down' } });
    const up = await service.post<{ id: string; direction: string }>(
      alerts,
      { kind: 'value_milestone', threshold: '1200' },
      bearer('quinn'),
    );
    expect(up).toMatchObject({ status: 201, body: { direction: 'up' } });
    expect(
      await service.post(
        alerts,
        { kind: 'price_above', symbol: 'MILE', threshold: '1', direction: 'down' },
        bearer('quinn'),
      ),
    ).toMatchObject({
      status: 422,
      body: { message: ['direction applies only to a value_milestone alert, not to price_above'] },
    });
    expect(
      (
        await service.post(
          alerts,
          { kind: 'value_milestone', threshold: '1', direction: 'sideways' },
          bearer('quinn'),
        )
      ).status,
    ).toBe(400);

    // 1,000 → 850: the downward milestone fires, the upward one does not.
    await portfolios.price('MILE', '85', start + 1);
    await expectEventually(() => {
      const fired = payloads<PortfolioAlertTriggeredV1>(portfolios.alertsTriggered).filter(
        (event) => event.portfolioId === portfolio.id,
      );
      expect(fired).toEqual([
        expect.objectContaining({ alertId: down.body.id, kind: 'value_milestone', observed: '850' }),
      ]);
    });
    const history = await service.get<unknown[]>(`${alerts}/${up.body.id}/history`, bearer('quinn'));
    expect(history.body).toEqual([]);
  });

  it('takes the day change of a position bought today from its trade price', async () => {
    const portfolio = await portfolios.createPortfolio('ruth', { name: 'Day change', baseCurrency: 'USD' });
    const start = Date.now();
    await portfolios.price('DCHG', '100', start - 86_400_000);
    await portfolios.price('DCHG', '110', start);
    // Bought today at 105, now 110: 50 made today, not 10 × (110 − 100) = 100.
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: today(), symbol: 'DCHG', quantity: '10', price: '105' },
      'ruth',
    );
    const held = await service.get<{ holdings: { dayChange: string }[] }>(
      `/portfolios/${portfolio.id}/holdings`,
      bearer('ruth'),
    );
    expect(held.body.holdings[0].dayChange).toBe('50.00000000');
    const performance = await service.get<{ dayChange: string }>(
      `/portfolios/${portfolio.id}/performance`,
      bearer('ruth'),
    );
    expect(performance.body.dayChange).toBe('50.00000000');
    await portfolios.runJob('performance');
    const daily = await service.get<{ day: string; dayChange: string }[]>(
      `/portfolios/${portfolio.id}/performance/daily`,
      bearer('ruth'),
    );
    expect(daily.body).toEqual([expect.objectContaining({ day: today(), dayChange: '50' })]);
  });

  it('measures returns only between snapshots in the current base currency', async () => {
    const portfolio = await portfolios.createPortfolio('sam', { name: 'Switch', baseCurrency: 'USD' });
    const path = `/portfolios/${portfolio.id}`;
    await portfolios.price('CCYCO', '100');
    await portfolios.addTransaction(
      portfolio.id,
      { type: 'buy', date: daysAgo(2), symbol: 'CCYCO', quantity: '10', price: '100' },
      'sam',
    );
    await portfolios.snapshotOn(daysAgo(1));
    const changed = await portfolios.call<Portfolio>('PATCH', path, { baseCurrency: 'EUR' }, 'sam');
    expect(changed.body.baseCurrency).toBe('EUR');
    // Yesterday's 1,000 USD is not the start of a return measured in euros.
    const day = await service.get<Record<string, unknown>>(`${path}/performance?range=1D`, bearer('sam'));
    expect(day.body).toMatchObject({
      baseCurrency: 'EUR',
      partial: true,
      twrGrossPercent: '0.0000',
      maxDrawdownPercent: '0.0000',
    });
    const snapshots = await service.get<{ day: string; baseCurrency: string; value: string }[]>(
      `${path}/snapshots`,
      bearer('sam'),
    );
    expect(snapshots.body).toEqual([
      expect.objectContaining({ day: daysAgo(1), baseCurrency: 'USD', value: '1000' }),
    ]);
  });
});
