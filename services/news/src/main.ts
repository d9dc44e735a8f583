import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule } from './app.module';
import { NEWS_SERVICE } from './jobs/news-jobs.consumer';
import { NewsConfig } from './news.config';

void runService(() => {
  const config = loadConfig(NewsConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: NEWS_SERVICE,
    title: 'Marketpulse news',
    description:
      'News from feeds and JSON APIs: deduplicated into stories, tagged with categories and symbols, searchable',
  });
});
