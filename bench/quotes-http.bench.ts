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
 * Keep-alive connections the requests are spread over. autocannon paces each connection on its own, so
 * many connections fire in step and measure their own bursts; a few model a steady 500 req/s stream.
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
    const one = report('GET /prices/:symbol (round-robin)', await load(service.url, onePaths, SECONDS));
    const all = report(
      `GET /prices/latest (${quotes.length} quotes)`,
      await load(service.url, ['/prices/latest'], SECONDS),
    );
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
