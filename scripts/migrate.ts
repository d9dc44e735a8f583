import 'reflect-metadata';
import { ServiceConfig, loadConfig } from '@marketpulse/config';
import { buildDataSourceOptions, runMigrations, type ServiceDatabaseOptions } from '@marketpulse/database';
import { DataSource } from 'typeorm';
// Tooling, not a service: it is allowed to know every service's schema and migrations.
import { marketDataDatabase } from '../services/market-data/src/market-data.database';
import { newsDatabase } from '../services/news/src/news.database';
import { portfolioDatabase } from '../services/portfolio/src/portfolio.database';
import { predictionsDatabase } from '../services/predictions/src/predictions.database';
import { schedulerDatabase } from '../services/scheduler/src/scheduler.database';
import { vcDatabase } from '../services/vc/src/vc.database';

const SERVICES: Record<string, ServiceDatabaseOptions> = {
  scheduler: schedulerDatabase,
  'market-data': marketDataDatabase,
  news: newsDatabase,
  predictions: predictionsDatabase,
  portfolio: portfolioDatabase,
  vc: vcDatabase,
};

/** Migrates every service's schema (or those named on the command line). Services also migrate at start. */
async function main(): Promise<void> {
  const config = loadConfig(ServiceConfig);
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  for (const name of wanted.length > 0 ? wanted : Object.keys(SERVICES)) {
    const options = SERVICES[name];
    if (!options) throw new Error(`unknown service '${name}'; known: ${Object.keys(SERVICES).join(', ')}`);
    const dataSource = await new DataSource(
      buildDataSourceOptions(config.DATABASE_URL, options, 2),
    ).initialize();
    try {
      const applied = await runMigrations(dataSource, options.schema);
      process.stdout.write(
        `[marketpulse] ${name}: ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema up to date'}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[marketpulse] migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
