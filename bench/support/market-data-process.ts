/**
 * The market-data service in a process of its own for the HTTP bench, so the load generator does not share
 * its event loop. History is backfilled and prices refreshed once before it reports ready:  child → { ready: url }.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { startService } from '../../test/support/service-harness';
import { AppModule } from '../../services/market-data/src/app.module';
import { HistoryBackfillService } from '../../services/market-data/src/history/history-backfill.service';
import { MarketDataConfig } from '../../services/market-data/src/market-data.config';
import { PriceRefreshService } from '../../services/market-data/src/prices/price-refresh.service';

async function main(): Promise<void> {
  const service = await startService(MarketDataConfig, (config) => AppModule.forRoot(config), {
    DATABASE_URL: process.env.DATABASE_URL,
    NATS_URL: process.env.NATS_URL,
    MESSAGING_NAMESPACE: process.env.MESSAGING_NAMESPACE,
    HISTORY_BACKFILL_DAYS: '30',
  });
  // Steady state is what is measured: the start-up backfill runs first, not under the load.
  await service.app.get(HistoryBackfillService).settled();
  const refresh = service.app.get(PriceRefreshService);
  await service.app.get(DataSource).transaction((manager) => refresh.refresh(manager, new Date()));
  process.on('message', (message: { stop?: boolean }) => {
    if (message.stop) void service.close().then(() => process.exit(0));
  });
  process.send!({ ready: service.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench market-data failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
