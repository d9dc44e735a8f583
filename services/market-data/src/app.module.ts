import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@marketpulse/auth';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { FAST_READS } from '@marketpulse/platform';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { Instrument } from './catalogue/instrument.entity';
import { DailyHistoryService } from './history/daily-history.service';
import { HistoryBackfillService } from './history/history-backfill.service';
import { IntradayRollupRepository } from './history/intraday-rollup.repository';
import { ProviderHistoryImportService } from './history/provider-history-import.service';
import { IndicatorsController } from './analysis/indicators.controller';
import { CommoditiesController } from './commodities/commodities.controller';
import { CommoditiesService } from './commodities/commodities.service';
import { CommodityBarsRepository } from './commodities/commodity-bars.repository';
import { CommodityQuotesRepository } from './commodities/commodity-quotes.repository';
import { FxController } from './fx/fx.controller';
import { FxRatesService } from './fx/fx-rates.service';
import { DetectSignalsConsumer } from './jobs/detect-signals.consumer';
import { ImportHistoryConsumer } from './jobs/import-history.consumer';
import { RefreshPricesConsumer } from './jobs/refresh-prices.consumer';
import { TrendReportsConsumer } from './jobs/trend-reports.consumer';
import { ListingsModule } from './listings/listings.module';
import { MarketDataConfig } from './market-data.config';
import { MARKET_DATA_SCHEMA, marketDataDatabase } from './market-data.database';
import { PRICE_PROVIDER } from './providers/price-provider';
import { createPriceProvider } from './providers/price-provider.factory';
import { ProviderMetrics } from './providers/provider-metrics';
import { SimulatedPriceProvider } from './providers/simulated-price.provider';
import { PriceRefreshService } from './prices/price-refresh.service';
import { PricesController } from './prices/prices.controller';
import { LatestQuoteCache } from './prices/latest-quote-cache';
import { LatestQuoteFastRead } from './prices/latest-quote.fast-read';
import { PricesService } from './prices/prices.service';
import { DailyBarsRepository } from './signals/daily-bars.repository';
import { SignalDetectionService } from './signals/signal-detection.service';
import { SignalsController } from './signals/signals.controller';
import { LatestQuoteBucket } from './quotes/latest-quote-bucket';
import { LatestQuoteCacheConsumer } from './quotes/latest-quote-cache.consumer';
import { ReportsController } from './reports/reports.controller';
import { TrendReportService } from './reports/trend-report.service';
import { TrendReportsRepository } from './reports/trend-reports.repository';

export const MARKET_DATA_SERVICE = 'market-data';

@Module({})
export class AppModule {
  static forRoot(config: MarketDataConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(MarketDataConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(marketDataDatabase),
        TypeOrmModule.forFeature([Instrument]),
        MessagingModule.forRoot({ service: MARKET_DATA_SERVICE, schema: MARKET_DATA_SCHEMA }),
        ListingsModule,
        AuthModule.forService(config),
      ],
      controllers: [
        PricesController,
        CatalogueController,
        IndicatorsController,
        SignalsController,
        FxController,
        CommoditiesController,
        RefreshPricesConsumer,
        DetectSignalsConsumer,
        ImportHistoryConsumer,
        ReportsController,
        TrendReportsConsumer,
        LatestQuoteCacheConsumer,
      ],
      providers: [
        CatalogueService,
        PricesService,
        LatestQuoteCache,
        LatestQuoteFastRead,
        {
          provide: FAST_READS,
          useFactory: (read: LatestQuoteFastRead) => [read],
          inject: [LatestQuoteFastRead],
        },
        PriceRefreshService,
        DailyHistoryService,
        HistoryBackfillService,
        IntradayRollupRepository,
        ProviderHistoryImportService,
        DailyBarsRepository,
        SignalDetectionService,
        TrendReportService,
        TrendReportsRepository,
        LatestQuoteBucket,
        FxRatesService,
        CommoditiesService,
        CommodityQuotesRepository,
        CommodityBarsRepository,
        SimulatedPriceProvider,
        ProviderMetrics,
        {
          provide: PRICE_PROVIDER,
          useFactory: createPriceProvider,
          inject: [MarketDataConfig, ProviderMetrics, SimulatedPriceProvider],
        },
      ],
    };
  }
}
