import { startServiceUnderTest, type ServiceUnderTest } from '../../../test/support/service-under-test';
import { AppModule } from '../src/app.module';
import { MarketDataConfig } from '../src/market-data.config';

export type MarketDataUnderTest = ServiceUnderTest<MarketDataConfig>;

/**
 * market-data as main.ts starts it, on a database of its own and in `namespace`, with a plain NATS client
 * already collecting what the test will look at. `close()` stops it and removes its streams and database.
 */
export function startMarketData(
  namespace: string,
  options: { env?: Record<string, string | undefined>; collect?: readonly string[] } = {},
): Promise<MarketDataUnderTest> {
  return startServiceUnderTest(
    'market-data',
    MarketDataConfig,
    (config) => AppModule.forRoot(config),
    namespace,
    {
      collect: options.collect,
      env: { OUTBOX_POLL_INTERVAL_MS: '200', ...options.env },
    },
  );
}
