import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import type { NewsPublishedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import type { RunningService } from '../../../test/support/service-harness';
import type { NewsConfig } from '../src/news.config';
import { FeedServer, rss } from './feed-server';
import { startNews, type NewsUnderTest } from './news-under-test';

interface Source {
  id: string;
  name: string;
  enabled: boolean;
  status: { consecutiveFailures: number; lastStatus?: string; lastError?: string; nextDueAt: string };
}
interface Story {
  id: string;
  title: string;
  summary?: string;
}

const admin = {
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'ops', { roles: ['admin'] })}`,
};

const ORIGINALS = [
  {
    title: 'Gold miners lift dividends as bullion rallies',
    link: 'https://www.news-a.example/mining/gold-dividends?utm_source=rss&id=1',
    guid: 'a-1',
    description: 'The largest gold miners raised dividends after bullion prices rose 30% this year.',
  },
  {
    title: 'Lithium prices slump on oversupply',
    link: 'https://news-a.example/metals/lithium-slump/',
    guid: 'a-2',
    description: 'Lithium carbonate fell to a four-year low as new mines in Africa added supply.',
  },
  {
    title: 'Swiss franc hits nine-year high against euro',
    link: 'https://news-a.example/fx/franc-high',
    guid: 'a-3',
    description:
      'The Swiss franc rose to its strongest level against the euro since 2015 as investors sought safety after the weak German data.',
  },
  {
    title: "Powell says the Fed's rate path depends on data",
    link: 'https://news-a.example/macro/powell-data',
    guid: 'a-4',
    description: 'Federal Reserve chair Jerome Powell said policymakers would decide meeting by meeting.',
  },
];

const VARIANTS = [
  // The same articles under other spellings of their URLs: duplicates, not stories.
  {
    ...ORIGINALS[0],
    link: 'http://NEWS-A.example:80/mining/gold-dividends/?id=1&fbclid=xyz#comments',
    guid: 'b-1',
  },
  {
    ...ORIGINALS[1],
    link: 'https://amp.news-a.example/metals/lithium-slump/amp?utm_medium=social',
    guid: 'b-2',
  },
  // A syndicated copy under its own URL, lightly edited: joins the original's story.
  {
    title: 'Swiss franc hits nine-year high against the euro',
    link: 'https://news-b.example/2026/franc-nine-year-high',
    guid: 'b-3',
    description:
      'The Swiss franc rose to its strongest level against the euro since 2015 as investors sought safety after weak German data.',
  },
  // Looks like an original but is another story (another metal): must be published.
  {
    title: 'Silver miners lift dividends as bullion rallies',
    link: 'https://news-b.example/mining/silver-dividends',
    guid: 'b-4',
    description: 'The largest silver miners raised dividends after bullion prices rose 30% this year.',
  },
  {
    title: '<script>alert(1)</script>Nickel output cut in Indonesia<img src=x onerror=alert(2)>',
    link: 'https://news-b.example/metals/nickel-cut',
    guid: 'b-5',
    description:
      '<p onmouseover="x()">Indonesia cut nickel ore quotas. <a href="javascript:steal()">more</a></p>',
  },
];

describe('news fetching against a local feed host (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  const feeds = new FeedServer();
  let news: NewsUnderTest;
  let service: RunningService<NewsConfig>;
  let db: DataSource;
  let published: Msg[];
  const sourceIds: Record<string, string> = {};

  const stories = async () => (await service.get<{ items: Story[] }>('/news?limit=100')).body.items;
  const titles = async () => (await stories()).map((story) => story.title).sort();
  const source = async (name: string) => (await service.get<Source>(`/sources/${sourceIds[name]}`)).body;
  const addSource = async (body: object) => {
    const created = await service.post<Source>('/sources', body, admin);
    expect(created.status).toBe(201);
    sourceIds[created.body.name] = created.body.id;
  };

  beforeAll(async () => {
    feeds
      .route('/original.xml', (request, response) => {
        if (request.headers['if-none-match'] === '"v1"') {
          response.writeHead(304, { etag: '"v1"' }).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(ORIGINALS));
      })
      .route('/variants.xml', (_request, response) => {
        response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss(VARIANTS, '<ttl>120</ttl>'));
      })
      .route('/r1', (_request, response) => response.writeHead(302, { location: '/r2' }).end())
      .route('/r2', (_request, response) => response.writeHead(301, { location: '/redirected.xml' }).end())
      .route('/redirected.xml', (_request, response) => {
        response.writeHead(200, { 'cache-control': 'public, max-age=7200' }).end(
          rss([
            {
              title: 'Copper smelters cut treatment fees',
              link: 'https://news-c.example/copper-fees',
              guid: 'c-1',
            },
          ]),
        );
      })
      .route('/loop', (_request, response) => response.writeHead(302, { location: '/loop' }).end())
      .route('/slow.xml', (request, response) => {
        const timer = setTimeout(
          () => response.end(rss([{ title: 'Too late', link: 'https://slow.example/late' }])),
          8000,
        );
        request.on('close', () => clearTimeout(timer));
      })
      .route('/huge.xml', (_request, response) => {
        // No Content-Length: the limit must hold while streaming.
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
        for (let i = 0; i < 400; i++) response.write(`<item><title>${'x'.repeat(500)}</title></item>`);
        response.end('</channel></rss>');
      })
      .route('/garbage', (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(randomBytes(4096));
      })
      .route('/html', (_request, response) => {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>');
      })
      .route('/broken.xml', (_request, response) => {
        response.end(
          '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed</item></channel>',
        );
      })
      .route('/error', (_request, response) => response.writeHead(500).end('internal error'))
      .route('/same.xml', (_request, response) => {
        response.end(
          rss([
            {
              title: 'Platinum deficit to widen next year',
              link: 'https://news-d.example/platinum-deficit',
              guid: 'd-1',
            },
            {
              title: 'Uranium miners rally on reactor orders',
              link: 'https://news-d.example/uranium-rally',
              guid: 'd-2',
            },
          ]),
        );
      })
      .route('/api.json', (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            result: {
              stories: [
                {
                  ref: 'e-1',
                  head: 'Cocoa futures hit record on West Africa crop fears',
                  web: { href: 'https://news-e.example/cocoa' },
                },
                {
                  ref: 'e-2',
                  head: 'Coffee prices ease as Brazil rains return',
                  web: { href: 'https://news-e.example/coffee' },
                },
              ],
            },
          }),
        );
      });
    await feeds.start();
    news = await startNews(namespace, {
      NEWS_FETCH_TIMEOUT_MS: '2000',
      NEWS_MAX_FEED_BYTES: '65536',
      NEWS_MAX_REDIRECTS: '3',
    });
    ({ service, db, published } = news);
  });

  afterAll(async () => {
    await news?.close();
    await feeds.stop();
  });

  it('manages sources through the API, validating every input', async () => {
    for (const sample of (await service.get<Source[]>('/sources')).body) {
      const paused = await service.request<Source>(
        'PATCH',
        `/sources/${sample.id}`,
        { enabled: false },
        admin,
      );
      expect(paused.body.enabled).toBe(false);
    }
    const valid = {
      name: 'Wire A',
      url: feeds.url('/original.xml'),
      kind: 'rss',
      defaultCategory: 'commodities',
    };
    expect((await service.post('/sources', valid)).status).toBe(401);
    for (const [body, message] of [
      [{ ...valid, kind: 'csv' }, /kind must be one of/],
      [{ ...valid, url: 'ftp://x.example/feed' }, /url must be an http\(s\) URL/],
      [{ ...valid, defaultCategory: 'stocks' }, /defaultCategory must be one of/],
      [{ ...valid, pollIntervalSeconds: 5 }, /pollIntervalSeconds must not be less than 60/],
      [{ ...valid, kind: 'json-api' }, /needs config.mapping/],
      [{ ...valid, kind: 'json-api', config: { mapping: { title: 'a b', url: 'x' } } }, /dot path/],
      [{ ...valid, surprise: true }, /property surprise should not exist/],
    ] as const) {
      const refused = await service.post<{ message: string | string[] }>('/sources', body, admin);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.message)).toMatch(message);
    }
    await addSource(valid);
    expect((await service.post('/sources', valid, admin)).status).toBe(409);
    await addSource({ name: 'Wire B', url: feeds.url('/variants.xml', '127.0.0.2'), kind: 'rss' });
    await addSource({ name: 'Redirected', url: feeds.url('/r1'), kind: 'rss' });
    await addSource({
      name: 'API',
      url: feeds.url('/api.json', '127.0.0.2'),
      kind: 'json-api',
      defaultCategory: 'commodities',
      config: { mapping: { itemsPath: 'result.stories', title: 'head', url: 'web.href', guid: 'ref' } },
    });
    // One feed under two names on two hosts, fetched at the same moment.
    await addSource({ name: 'Same 1', url: feeds.url('/same.xml'), kind: 'rss' });
    await addSource({ name: 'Same 2', url: feeds.url('/same.xml', '127.0.0.2'), kind: 'rss' });
    for (const [name, path] of [
      ['Loop', '/loop'],
      ['Slow', '/slow.xml'],
      ['Huge', '/huge.xml'],
      ['Garbage', '/garbage'],
      ['Html', '/html'],
      ['Broken', '/broken.xml'],
      ['Error', '/error'],
    ]) {
      await addSource({
        name,
        url: feeds.url(path, name.length % 2 ? '127.0.0.1' : '127.0.0.2'),
        kind: 'rss',
      });
    }
  });

  it('runs every source on its own: broken ones fail with a reason, the rest are ingested', async () => {
    const counts = await news.fetchNews();
    expect(counts).toMatchObject({ sources: 13, failed: 7, new: 11 });
    expect(await titles()).toEqual(
      [
        'Cocoa futures hit record on West Africa crop fears',
        'Coffee prices ease as Brazil rains return',
        'Copper smelters cut treatment fees',
        'Gold miners lift dividends as bullion rallies',
        'Lithium prices slump on oversupply',
        'Nickel output cut in Indonesia',
        'Platinum deficit to widen next year',
        "Powell says the Fed's rate path depends on data",
        'Silver miners lift dividends as bullion rallies',
        'Swiss franc hits nine-year high against euro',
        'Uranium miners rally on reactor orders',
      ].sort(),
    );
    const expected: Record<string, RegExp> = {
      Loop: /more than 3 redirects/,
      Slow: /timed out after 2000 ms/,
      Huge: /feed too large: more than 65536 bytes/,
      Garbage: /not XML|malformed XML/,
      Html: /not a feed|malformed XML/,
      Broken: /malformed XML/,
      Error: /HTTP 500/,
    };
    for (const [name, error] of Object.entries(expected)) {
      const status = (await source(name)).status;
      expect(status).toMatchObject({ consecutiveFailures: 1, lastStatus: 'failed' });
      expect(status.lastError).toMatch(error);
      // Backed off: twice the 15-minute poll interval.
      expect(Date.parse(status.nextDueAt) - Date.now()).toBeGreaterThan(29 * 60 * 1000);
    }
    expect((await source('Redirected')).status.lastStatus).toBe('ok');
    // The feed's TTL (120 min) and Cache-Control max-age (2 h) push the next fetch out.
    expect(Date.parse((await source('Wire B')).status.nextDueAt) - Date.now()).toBeGreaterThan(
      119 * 60 * 1000,
    );
    expect(Date.parse((await source('Redirected')).status.nextDueAt) - Date.now()).toBeGreaterThan(
      119 * 60 * 1000,
    );
  });

  it('publishes each story once and swallows no original', async () => {
    const all = await stories();
    await expectEventually(() => expect(published).toHaveLength(all.length));
    const events = published.map((message) => message.json<{ data: NewsPublishedV1 }>().data);
    expect(new Set(events.map((event) => event.storyId)).size).toBe(events.length);
    expect(new Set(events.map((event) => event.title)).size).toBe(events.length);
    const franc = all.find((story) => story.title.startsWith('Swiss franc'))!;
    const detail = await service.get<{ sources: { sourceName: string }[] }>(`/news/${franc.id}`);
    expect(detail.body.sources.map((entry) => entry.sourceName).sort()).toEqual(['Wire A', 'Wire B']);
    // Wire B carried the gold story under another spelling of its URL: not a second article, but a source.
    const goldStory = all.find((story) => story.title.startsWith('Gold miners'))!;
    const goldDetail = await service.get<{
      sources: { sourceName: string }[];
      alsoSeenAt: { sourceName: string; url: string }[];
    }>(`/news/${goldStory.id}`);
    expect(goldDetail.body.sources.map((entry) => entry.sourceName)).toEqual(['Wire A']);
    expect(goldDetail.body.alsoSeenAt).toEqual([
      expect.objectContaining({ sourceName: 'Wire B', url: expect.stringContaining('fbclid=xyz') }),
    ]);
    const gold = events.find((event) => event.title.startsWith('Gold miners'))!;
    expect(gold).toMatchObject({ category: 'gold', symbols: ['XAUUSD'] });
    expect(JSON.stringify(await stories())).not.toMatch(/<script|onerror|onmouseover|javascript:/i);
    expect(JSON.stringify(events)).not.toMatch(/<script|onerror|onmouseover|javascript:/i);
  });

  it('sends conditional requests, keeps backing off failures and publishes nothing again', async () => {
    const before = published.length;
    await db.query(`UPDATE sources SET next_due_at = now() - interval '1 second' WHERE enabled`);
    const counts = await news.fetchNews();
    expect(counts).toMatchObject({ sources: 13, failed: 7, new: 0, notModified: 1 });
    const revalidation = feeds.requests.filter((request) => request.path === '/original.xml').at(-1)!;
    expect(revalidation.headers['if-none-match']).toBe('"v1"');
    expect((await source('Broken')).status.consecutiveFailures).toBe(2);
    expect(Date.parse((await source('Broken')).status.nextDueAt) - Date.now()).toBeGreaterThan(
      59 * 60 * 1000,
    );
    const [{ written }]: { written: number }[] = await db.query(
      "SELECT count(*)::int AS written FROM outbox WHERE subject LIKE '%news.published.%'",
    );
    expect(written).toBe(before);
  });

  it('forgets a source’s backoff when its URL is fixed', async () => {
    const fixed = await service.request<Source>(
      'PATCH',
      `/sources/${sourceIds.Broken}`,
      { url: feeds.url('/redirected.xml', '127.0.0.2') },
      admin,
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.status.consecutiveFailures).toBe(0);
    expect(Date.parse(fixed.body.status.nextDueAt)).toBeLessThanOrEqual(Date.now());
    expect((await service.request('DELETE', `/sources/${sourceIds.Error}`, undefined, admin)).status).toBe(
      204,
    );
    expect((await service.get(`/sources/${sourceIds.Error}`)).status).toBe(404);
  });
});
