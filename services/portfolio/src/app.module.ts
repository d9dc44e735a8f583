import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@marketpulse/auth';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { AlertEvaluationRepository } from './alerts/alert-evaluation.repository';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsRepository } from './alerts/alerts.repository';
import { HoldingsController } from './holdings/holdings.controller';
import { HoldingsRepository } from './holdings/holdings.repository';
import { HoldingsService } from './holdings/holdings.service';
import { PORTFOLIO_SERVICE, PortfolioJobsConsumer } from './jobs/portfolio-jobs.consumer';
import { PerformanceSummariesRepository } from './performance/performance-summaries.repository';
import { PerformanceController } from './performance/performance.controller';
import { PerformanceService } from './performance/performance.service';
import { PortfolioConfig } from './portfolio.config';
import { PORTFOLIO_SCHEMA, portfolioDatabase } from './portfolio.database';
import { PortfoliosController } from './portfolios/portfolios.controller';
import { PortfoliosRepository } from './portfolios/portfolios.repository';
import { PortfoliosService } from './portfolios/portfolios.service';
import { MarketProjectionConsumer } from './prices/market-projection.consumer';
import { MarketProjectionRepository } from './prices/market-projection.repository';
import { SnapshotService } from './snapshots/snapshot.service';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsRepository } from './snapshots/snapshots.repository';
import { IdempotencyRepository } from './transactions/idempotency.repository';
import { LedgerService } from './transactions/ledger.service';
import { TransactionsController } from './transactions/transactions.controller';
import { TransactionsRepository } from './transactions/transactions.repository';
import { TransactionsService } from './transactions/transactions.service';
import { ValuationRepository } from './valuation/valuation.repository';
import { ValuationService } from './valuation/valuation.service';
import { ValuedPublisher } from './valuation/valued.publisher';

@Module({})
export class AppModule {
  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(PortfolioConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(portfolioDatabase),
        MessagingModule.forRoot({ service: PORTFOLIO_SERVICE, schema: PORTFOLIO_SCHEMA }),
        AuthModule.forService(config),
      ],
      controllers: [
        PortfoliosController,
        TransactionsController,
        HoldingsController,
        PerformanceController,
        SnapshotsController,
        AlertsController,
        MarketProjectionConsumer,
        PortfolioJobsConsumer,
      ],
      providers: [
        MarketProjectionRepository,
        ValuationRepository,
        ValuationService,
        ValuedPublisher,
        AlertEvaluationRepository,
        AlertsRepository,
        PortfoliosRepository,
        PortfoliosService,
        TransactionsRepository,
        IdempotencyRepository,
        LedgerService,
        TransactionsService,
        HoldingsRepository,
        HoldingsService,
        PerformanceService,
        PerformanceSummariesRepository,
        SnapshotsRepository,
        SnapshotService,
      ],
    };
  }
}
