import type { NewsPublishedV1 } from '@marketpulse/contracts';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { NATS_URL, createTestDatabase, testNamespace } from '../../../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../../../test/support/nats-client';
import { startService, type RunningService } from '../../../test/support/service-harness';
import { AppModule } from '../src/app.module';
import { NewsFetchService } from '../src/ingestion/news-fetch.service';
import { NewsConfig } from '../src/news.config';
import { FeedServer, rss, type TestItem } from './feed-server';

const TOPICS = [
  ['Gold', 'bullion demand from central banks'],
  ['Silver', 'solar panel makers buying more metal'],
  ['Bitcoin', 'exchange-traded fund inflows'],
  ['Copper', 'Chinese grid spending'],
  ['Brent crude', 'OPEC+ output talks'],
  ['The yen', 'Bank of Japan rate signals'],
  ['Nvidia', 'data-centre chip orders'],
  ['Platinum', 'autocatalyst demand'],
];

/** The same eight stories as each publisher words and links them, plus one story of its own. */
function feed(publisher: number): TestItem[] {
  const shared = TOPICS.map(([asset, driver], index) => ({
    title: `${asset} rallies on ${driver}`,
    link: `https://publisher${publisher}.example/markets/${index}-${asset.toLowerCase().replace(/ /g, '-')}`,
    guid: `p${publisher}-${index}`,
    description:
      `${asset} prices rose for a third session as traders pointed to ${driver}, ` +
      `with volumes well above the monthly average${publisher % 2 ? ' according to dealers' : ''}.`,
  }));
  const own = {
    title: `Publisher ${['one', 'two', 'three', 'four', 'five', 'six'][publisher]} names new editor`,
    link: `https://publisher${publisher}.example/about/editor`,
    guid: `p${publisher}-own`,
    description: `An announcement that only publisher ${publisher} carries.`,
  };
  return [...shared, own];
}

/** Two replicas on one database, fetching at the same moment, must still publish each story once. */
describe('news on two replicas (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  const feeds = new FeedServer();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let replicas: RunningService<NewsConfig>[];
  let nc: NatsConnection;
  let published: Msg[];

  beforeAll(async () => {
    for (let publisher = 0; publisher < 6; publisher++) {
      feeds.route(`/p${publisher}.xml`, (_request, response) => response.end(rss(feed(publisher))));
    }
    feeds.route('/other.xml', (_request, response) =>
      response.end(
        rss([
          { title: 'Wheat harvest forecast raised', link: 'https://other.example/wheat', guid: 'o-1' },
          { title: 'Cocoa grinders report weak demand', link: 'https://other.example/cocoa', guid: 'o-2' },
        ]),
      ),
    );
    await feeds.start();
    database = await createTestDatabase();
    nc = await plainClient();
    published = collect(nc, `${namespace}.news.published.>`);
    await nc.flush();
    const env = {
      DATABASE_URL: database.url,
      NATS_URL,
      MESSAGING_NAMESPACE: namespace,
      OUTBOX_POLL_INTERVAL_MS: '100',
      NEWS_HOST_MIN_GAP_MS: '0',
      NEWS_FETCH_CONCURRENCY: '2',
    };
    // Kept as each starts, so afterAll closes the first even when the second fails to start.
    replicas = [];
    for (let replica = 0; replica < 2; replica++) {
      replicas.push(await startService(NewsConfig, (config) => AppModule.forRoot(config), env, 'news'));
    }
    const [first] = replicas;
    const db = first.app.get(DataSource);
    await db.query('UPDATE sources SET enabled = false');
    for (let publisher = 0; publisher < 6; publisher++) {
      await db.query(
        `INSERT INTO sources (id, name, url, kind, poll_interval_seconds) VALUES ($1, $2, $3, 'rss', 900)`,
        [
          randomUUID(),
          `Publisher ${publisher}`,
          feeds.url(`/p${publisher}.xml`, publisher % 2 ? '127.0.0.2' : '127.0.0.1'),
        ],
      );
    }
    await db.query(
      `INSERT INTO sources (id, name, url, kind, poll_interval_seconds) VALUES ($1, 'Other', $2, 'rss', 900)`,
      [randomUUID(), feeds.url('/other.xml')],
    );
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await nc?.close();
    await feeds.stop();
    await deleteNamespaceStreams(namespace);
    await database?.drop();
  });

  it('publishes each story once whichever replica fetches its copies', async () => {
    const [first, second] = replicas;
    const db = first.app.get(DataSource);
    // Due a second ago, not at now(): PostgreSQL's microseconds could put now() after the millisecond
    // `new Date()` of a fetch that follows within the same millisecond, and the source would not be due.
    const due = (names: string[]) =>
      db.query(
        `UPDATE sources
            SET next_due_at = CASE WHEN name = ANY($1::text[]) THEN now() - interval '1 second'
                                   ELSE now() + interval '1 day' END
          WHERE enabled`,
        [names],
      );
    const fetchOn = (replica: RunningService<NewsConfig>) =>
      replica.app.get(NewsFetchService).fetchDue(new Date());
    // The second replica starts its in-memory index first, on unrelated news; the first then stores three
    // publishers' copies; the second must learn of them (by seq) before it stores the other three.
    await due(['Other']);
    expect(await fetchOn(second)).toMatchObject({ sources: 1, new: 2 });
    await due(['Publisher 0', 'Publisher 1', 'Publisher 2']);
    expect(await fetchOn(first)).toMatchObject({ sources: 3, new: 8 + 3, grouped: 16 });
    await due(['Publisher 3', 'Publisher 4', 'Publisher 5']);
    expect(await fetchOn(second)).toMatchObject({ sources: 3, new: 3, grouped: 24 });
    // Both at once, over every source again: everything is a duplicate by now.
    await db.query(`UPDATE sources SET next_due_at = now() - interval '1 second' WHERE enabled`);
    const [a, b] = await Promise.all(replicas.map(fetchOn));
    expect(a.sources + b.sources).toBe(7);
    expect(a.new + b.new).toBe(0);

    await expectEventually(() => expect(published).toHaveLength(16));
    const events = published.map((message) => message.json<{ data: NewsPublishedV1 }>().data);
    expect(new Set(events.map((event) => event.storyId)).size).toBe(16);
    for (const [asset, driver] of TOPICS) {
      expect(events.filter((event) => event.title === `${asset} rallies on ${driver}`)).toHaveLength(1);
    }
    const stories = (await second.get<{ items: { id: string; articleCount: number }[] }>('/news?limit=100'))
      .body.items;
    expect(stories).toHaveLength(16);
    expect(stories.filter((story) => story.articleCount === 6)).toHaveLength(8);
  });
});
