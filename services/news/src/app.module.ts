import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@marketpulse/auth';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { NewsFetchService } from './ingestion/news-fetch.service';
import { StoryIngester } from './ingestion/story-ingester';
import { NEWS_SERVICE, NewsJobsConsumer } from './jobs/news-jobs.consumer';
import { NewsConfig } from './news.config';
import { NEWS_SCHEMA, newsDatabase } from './news.database';
import { SamplesController } from './samples/samples.controller';
import { SourcesController } from './sources/sources.controller';
import { SourcesRepository } from './sources/sources.repository';
import { NewsController } from './stories/news.controller';
import { StoriesRepository } from './stories/stories.repository';
import { TaggingRulesController } from './tagging/tagging-rules.controller';
import { TaggingRulesRepository } from './tagging/tagging-rules.repository';

@Module({})
export class AppModule {
  static forRoot(config: NewsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(NewsConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot(newsDatabase),
        MessagingModule.forRoot({ service: NEWS_SERVICE, schema: NEWS_SCHEMA }),
        AuthModule.forService(config),
      ],
      controllers: [
        NewsController,
        SourcesController,
        TaggingRulesController,
        SamplesController,
        NewsJobsConsumer,
      ],
      providers: [
        SourcesRepository,
        StoriesRepository,
        TaggingRulesRepository,
        StoryIngester,
        NewsFetchService,
      ],
    };
  }
}
