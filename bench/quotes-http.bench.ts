/**
 * Latest-quote reads over HTTP at a fixed rate (autocannon): GET /prices/<symbol> round-robin over the
 * catalogue, and GET /prices/latest (every quote at once), each at BENCH_RATE requests/s (default 500) for
 * BENCH_SECONDS (default 15) over BENCH_CONNECTIONS (default 4), after a short warm-up, against
 * market-data running in its own process on the real PostgreSQL and NATS. Prints p50/p90/p99/max latency and fails when a one-symbol p99 is 10 ms or more.
 * `npm run bench:quotes`.
 */
import 'reflect-metadata';
import autocannon, { type Result } from 'autocannon';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { NATS_URL, createTestDatabase, testNamespace } from '../test/support/infrastructure';
import { deleteNamespaceStreams } from '../test/support/nats-client';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/**
 * Keep-alive connections the requests are spread over. autocannon's rate limit lets each connection send
 * its share of the second's requests back to back, then wait for the next second: the load comes in
 * bursts, one request in flight per connection, and its latency includes the queue each burst builds.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const P99_LIMIT_MS = 10;

async function startMarketData(env: Record<string, string>) {
  const child = fork(join(__dirname, 'support', 'market-data-process.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...env, LOG_LEVEL: 'error' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { ready: string }) => resolve(message.ready));
    child.once('exit', (code) => reject(new Error(`market-data exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ stop: true });
      }),
  };
}

function load(url: string, paths: string[], seconds: number): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
}

interface ServerView {
  /** The service's request-duration histogram for one route: cumulative counts per bucket bound. */
  buckets: Map<string, number>;
  /** prom-client samples event-loop delay between scrapes: what kept the loop from starting a request. */
  loopLag: string;
}

async function serverView(url: string, route: string): Promise<ServerView> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const lag = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  const loopLag = `event-loop delay p99 ${lag('nodejs_eventloop_lag_p99_seconds').toFixed(1)} ms, max ${lag('nodejs_eventloop_lag_max_seconds').toFixed(1)} ms`;
  const buckets = new Map<string, number>();
  const pattern = /^marketpulse_http_request_duration_seconds_bucket\{(.*)\} (\d+)$/gm;
  for (const [, labels, count] of text.matchAll(pattern)) {
    if (!labels.includes(`route="${route}"`) || !labels.includes('status="200"')) continue;
    const le = /le="([^"]+)"/.exec(labels)![1];
    buckets.set(le, (buckets.get(le) ?? 0) + Number(count));
  }
  return { buckets, loopLag };
}

/**
 * Where the time goes: the share of requests the service itself answered within 1, 5 and 10 ms (its own
 * histogram, from routing to the response's last byte), beside what the client measured end to end.
 */
function serverShare(before: ServerView, after: ServerView): string {
  const delta = (le: string) => (after.buckets.get(le) ?? 0) - (before.buckets.get(le) ?? 0);
  const total = delta('+Inf');
  const within = (le: string) => (total === 0 ? '-' : `${((100 * delta(le)) / total).toFixed(2)} %`);
  return (
    `  server-side: ${total} answered, within 1 ms ${within('0.001')}, 5 ms ${within('0.005')}, ` +
    `10 ms ${within('0.01')}; ${after.loopLag}`
  );
}

function report(name: string, result: Result): { p99: number; ok: boolean } {
  const failed = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${name.padEnd(34)} ${result.requests.average.toFixed(0).padStart(5)} req/s  ` +
      `p50 ${result.latency.p50} ms  p90 ${result.latency.p90} ms  p99 ${result.latency.p99} ms  ` +
      `max ${result.latency.max} ms  requests ${result.requests.total}  failed ${failed}`,
  );
  return { p99: result.latency.p99, ok: failed === 0 };
}

async function main(): Promise<void> {
  const namespace = testNamespace();
  const database = await createTestDatabase();
  const service = await startMarketData({
    DATABASE_URL: database.url,
    NATS_URL,
    MESSAGING_NAMESPACE: namespace,
  });
  try {
    const quotes = (await (await fetch(`${service.url}/prices/latest`)).json()) as { symbol: string }[];
    const onePaths = quotes.map((quote) => `/prices/${quote.symbol}`);
    console.log(
      `market-data at ${service.url}, ${quotes.length} quotes; ${RATE} req/s over ${CONNECTIONS} connections, ${SECONDS} s each\n`,
    );
    await load(service.url, onePaths, 5); // warm-up: JIT, connection pool, plan cache
    let before = await serverView(service.url, '/prices/:symbol');
    const one = report('GET /prices/:symbol (round-robin)', await load(service.url, onePaths, SECONDS));
    console.log(serverShare(before, await serverView(service.url, '/prices/:symbol')));
    before = await serverView(service.url, '/prices/latest');
    const all = report(
      `GET /prices/latest (${quotes.length} quotes)`,
      await load(service.url, ['/prices/latest'], SECONDS),
    );
    console.log(serverShare(before, await serverView(service.url, '/prices/latest')));
    const pass = one.ok && all.ok && one.p99 < P99_LIMIT_MS;
    console.log(`\none-symbol p99 ${one.p99} ms (target < ${P99_LIMIT_MS} ms): ${pass ? 'PASS' : 'FAIL'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await service.stop();
    await deleteNamespaceStreams(namespace);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
