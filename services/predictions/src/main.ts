import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule } from './app.module';
import { PREDICTIONS_SERVICE } from './jobs/predictions-jobs.consumer';
import { PredictionsConfig } from './predictions.config';

void runService(() => {
  const config = loadConfig(PredictionsConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: PREDICTIONS_SERVICE,
    title: 'Marketpulse predictions',
    description:
      'Price predictions: questions, votes, automatic verification from prices, user stats, streaks and leaderboards',
  });
});
