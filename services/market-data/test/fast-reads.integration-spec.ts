import { testNamespace } from '../../../test/support/infrastructure';
import { runJob } from '../../../test/support/run-job';
import { PricesService } from '../src/prices/prices.service';
import { startMarketData, type MarketDataUnderTest } from './market-data-under-test';

/** What a client gets: the fast read has no ETag (the HTTP stack adds one), so the two can be told apart. */
async function read(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    viaStack: response.headers.has('etag'),
    correlationId: response.headers.get('x-correlation-id'),
    body: (await response.json()) as unknown,
  };
}

describe('market-data latest-quote fast reads (ADR 0011)', () => {
  const namespace = testNamespace();
  let md: MarketDataUnderTest;
  let url: string;

  beforeAll(async () => {
    md = await startMarketData(namespace, { env: { HISTORY_BACKFILL_DAYS: '30' } });
    url = md.service.url;
    await runJob(md.service.app, { service: 'market-data', job: 'refresh-prices' }, md.outcomes, namespace);
  });

  afterAll(() => md?.close());

  it('answers a cached quote before the HTTP stack, with the body the controller gives', async () => {
    // The refresh emptied the cache: the first read goes through the controller and fills it.
    const first = await read(`${url}/prices/XAUUSD`);
    expect(first).toMatchObject({ status: 200, viaStack: true });
    const fast = await read(`${url}/prices/xauusd`);
    expect(fast).toMatchObject({ status: 200, viaStack: false });
    // A query string always goes the long way; the answer is the same DTO.
    const stack = await read(`${url}/prices/XAUUSD?via=stack`);
    expect(stack.viaStack).toBe(true);
    expect(fast.body).toEqual(stack.body);
    expect(fast.body).toMatchObject({ symbol: 'XAUUSD', stale: false });

    const all = await read(`${url}/prices/latest`);
    expect(all).toMatchObject({ status: 200, viaStack: false });
    // Express matches routes whatever the case: /prices/LATEST is the list on both paths.
    const shouted = await read(`${url}/prices/LATEST`);
    expect(shouted).toMatchObject({ status: 200, viaStack: false });
    expect(shouted.body).toEqual(all.body);
    expect(all.body).toEqual(
      JSON.parse(JSON.stringify(await md.service.app.get(PricesService).latest())) as unknown,
    );
  });

  it('keeps the correlation id and the request metrics of the regular route', async () => {
    expect((await read(`${url}/prices/XAGUSD`, { 'x-correlation-id': 'client-42' })).correlationId).toBe(
      'client-42',
    );
    const fresh = await read(`${url}/prices/XAGUSD`, { 'x-correlation-id': 'not a sane id!' });
    expect(fresh.viaStack).toBe(false);
    expect(fresh.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const count = async () => {
      const metrics = await (await fetch(`${url}/metrics`)).text();
      const line =
        /^marketpulse_http_request_duration_seconds_count\{(?=[^}]*route="\/prices\/:symbol")(?=[^}]*status="200")[^}]*\} (\d+)$/m.exec(
          metrics,
        );
      return Number(line?.[1] ?? 0);
    };
    const before = await count();
    for (let index = 0; index < 5; index++) expect((await read(`${url}/prices/XPTUSD`)).viaStack).toBe(false);
    expect((await count()) - before).toBe(5);
  });

  it('leaves what it cannot answer to the controller: unknown symbols, bad symbols, bad escapes', async () => {
    const unknown = await read(`${url}/prices/NOPE`);
    expect(unknown).toMatchObject({ status: 404 });
    expect(JSON.stringify(unknown.body)).toMatch(/NOPE/);
    expect((await read(`${url}/prices/!!`)).status).toBe(400);
    expect((await read(`${url}/prices/%E0%A4%A`)).status).toBe(400);
    expect((await read(`${url}/prices/XAUUSD/history?interval=1d`)).status).toBe(200);
  });
});
