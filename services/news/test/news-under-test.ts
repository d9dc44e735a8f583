import type { Msg } from '@nats-io/nats-core';
import { runJob } from '../../../test/support/run-job';
import { startServiceUnderTest, type ServiceUnderTest } from '../../../test/support/service-under-test';
import { AppModule } from '../src/app.module';
import { NewsConfig } from '../src/news.config';

export interface NewsUnderTest extends ServiceUnderTest<NewsConfig> {
  /** `news.published.>` since before the start. */
  published: Msg[];
  /** Runs the fetch job as the scheduler would and returns the counts of its outcome. */
  fetchNews(): Promise<Record<string, number>>;
}

/**
 * news as main.ts starts it, on a database of its own and in `namespace`, with no gap between calls to one
 * host (the tests' feeds share one). `close()` stops it and removes its streams and database.
 */
export async function startNews(
  namespace: string,
  env: Record<string, string | undefined> = {},
): Promise<NewsUnderTest> {
  const started = await startServiceUnderTest(
    'news',
    NewsConfig,
    (config) => AppModule.forRoot(config),
    namespace,
    {
      env: { NEWS_HOST_MIN_GAP_MS: '0', ...env },
      collect: ['news.published.>'],
    },
  );
  const { service, outcomes } = started;
  return {
    ...started,
    published: started.collected['news.published.>'],
    fetchNews: async () => {
      const runId = await runJob(service.app, { service: 'news', job: 'fetch' }, outcomes, namespace);
      const outcome = outcomes.find(
        (message) => message.json<{ data: { runId: string } }>().data.runId === runId,
      );
      return outcome!.json<{ data: { counts: Record<string, number> } }>().data.counts;
    },
  };
}
