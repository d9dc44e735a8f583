import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule } from './app.module';
import { PORTFOLIO_SERVICE } from './jobs/portfolio-jobs.consumer';
import { PortfolioConfig } from './portfolio.config';

void runService(() => {
  const config = loadConfig(PortfolioConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: PORTFOLIO_SERVICE,
    title: 'Marketpulse portfolio',
    description:
      'Portfolios: transactions, live valuation from price and FX events, daily snapshots, performance (TWR, XIRR) and alerts',
  });
});
