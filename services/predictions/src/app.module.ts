import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@marketpulse/auth';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { PREDICTIONS_SERVICE, PredictionsJobsConsumer } from './jobs/predictions-jobs.consumer';
import { LeaderboardService } from './leaderboards/leaderboard.service';
import { LeaderboardsController } from './leaderboards/leaderboards.controller';
import { PredictionsConfig } from './predictions.config';
import { PREDICTIONS_SCHEMA, predictionsDatabase } from './predictions.database';
import { PredictionAdminService } from './predictions/prediction-admin.service';
import { PredictionsController } from './predictions/predictions.controller';
import { PredictionsRepository } from './predictions/predictions.repository';
import { PredictionsService } from './predictions/predictions.service';
import { PriceProjectionConsumer } from './prices/price-projection.consumer';
import { PriceProjectionRepository } from './prices/price-projection.repository';
import { MilestonesRepository } from './stats/milestones.repository';
import { StatsController } from './stats/stats.controller';
import { UserStatsRefresher } from './stats/user-stats.refresher';
import { UserStatsRepository } from './stats/user-stats.repository';
import { DueSweeper } from './verification/due-sweeper.service';
import { PredictionDueConsumer } from './verification/prediction-due.consumer';
import { PredictionOutcomesRepository } from './verification/prediction-outcomes.repository';
import { PredictionVerifier } from './verification/prediction-verifier.service';
import { VotesService } from './votes/votes.service';

@Module({})
export class AppModule {
  static forRoot(config: PredictionsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(PredictionsConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(predictionsDatabase),
        MessagingModule.forRoot({ service: PREDICTIONS_SERVICE, schema: PREDICTIONS_SCHEMA }),
        AuthModule.forService(config),
      ],
      controllers: [
        PredictionsController,
        StatsController,
        LeaderboardsController,
        PriceProjectionConsumer,
        PredictionDueConsumer,
        PredictionsJobsConsumer,
      ],
      providers: [
        PriceProjectionRepository,
        PredictionsRepository,
        PredictionsService,
        PredictionAdminService,
        VotesService,
        PredictionOutcomesRepository,
        PredictionVerifier,
        DueSweeper,
        UserStatsRepository,
        UserStatsRefresher,
        MilestonesRepository,
        LeaderboardService,
      ],
    };
  }
}
