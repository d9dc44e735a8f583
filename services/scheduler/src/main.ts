import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule, SCHEDULER_SERVICE } from './app.module';
import { SchedulerConfig } from './scheduler.config';

void runService(() => {
  const config = loadConfig(SchedulerConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: SCHEDULER_SERVICE,
    title: 'Marketpulse scheduler',
    description: 'The cron table (UTC): fires tick.<service>.<job> once per slot and records job runs',
  });
});
