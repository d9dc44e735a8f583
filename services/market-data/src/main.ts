import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule, MARKET_DATA_SERVICE } from './app.module';
import { MarketDataConfig } from './market-data.config';

void runService(() => {
  const config = loadConfig(MarketDataConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: MARKET_DATA_SERVICE,
    title: 'Marketpulse market-data',
    description: 'Instrument catalogue and prices; publishes price.updated.<SYM>',
  });
});
