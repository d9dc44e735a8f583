import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { AnalyticsController } from './analytics/analytics.controller';
import { LandscapeService } from './analytics/landscape.service';
import { SummaryService } from './analytics/summary.service';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesService } from './companies/companies.service';
import { ValuationsController } from './companies/valuations.controller';
import { ExitsController } from './exits/exits.controller';
import { ExitsRepository } from './exits/exits.repository';
import { FundsController } from './funds/funds.controller';
import { FundsRepository } from './funds/funds.repository';
import { FundsService } from './funds/funds.service';
import { FxRateConsumer } from './fx/fx-rate.consumer';
import { FxRatesRepository } from './fx/fx-rates.repository';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { IndexLevelConsumer } from './index-levels/index-level.consumer';
import { IndexLevelsRepository } from './index-levels/index-levels.repository';
import { InvestorRankingService } from './investors/investor-ranking.service';
import { InvestorsController } from './investors/investors.controller';
import { InvestorsRepository } from './investors/investors.repository';
import { IpoWriter } from './ipos/ipo-writer';
import { IposController } from './ipos/ipos.controller';
import { IposRepository } from './ipos/ipos.repository';
import { VC_SERVICE, VcJobsConsumer } from './jobs/vc-jobs.consumer';
import { RoundsController } from './rounds/rounds.controller';
import { RoundsRepository } from './rounds/rounds.repository';
import { BundledVcProvider } from './sync/bundled-vc.provider';
import { InitialSyncService } from './sync/initial-sync.service';
import { VC_PROVIDER } from './sync/vc-provider';
import { VcSyncJob } from './sync/vc-sync.job';
import { VcSyncService } from './sync/vc-sync.service';
import { VcConfig } from './vc.config';
import { VC_SCHEMA, vcDatabase } from './vc.database';

@Module({})
export class AppModule {
  static forRoot(config: VcConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(VcConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(vcDatabase),
        MessagingModule.forRoot({ service: VC_SERVICE, schema: VC_SCHEMA }),
      ],
      controllers: [
        AnalyticsController,
        RoundsController,
        CompaniesController,
        ValuationsController,
        InvestorsController,
        ExitsController,
        IposController,
        FundsController,
        ImportsController,
        VcJobsConsumer,
        FxRateConsumer,
        IndexLevelConsumer,
      ],
      providers: [
        { provide: VC_PROVIDER, useClass: BundledVcProvider },
        VcSyncService,
        VcSyncJob,
        InitialSyncService,
        IpoWriter,
        IposRepository,
        RoundsRepository,
        CompaniesService,
        ExitsRepository,
        FxRatesRepository,
        IndexLevelsRepository,
        FundsRepository,
        FundsService,
        LandscapeService,
        SummaryService,
        InvestorRankingService,
        InvestorsRepository,
        ImportsService,
      ],
    };
  }
}
