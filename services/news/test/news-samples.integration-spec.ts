import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import { NewsPublished, validatePayload, type NewsPublishedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import type { RunningService } from '../../../test/support/service-harness';
import type { NewsConfig } from '../src/news.config';
import { startNews, type NewsUnderTest } from './news-under-test';

interface Story {
  id: string;
  title: string;
  summary?: string;
  url: string;
  category: string;
  categories: string[];
  symbols: string[];
  articleCount: number;
}
interface StoryDetail extends Story {
  tags: { kind: string; value: string; rule: string; matched?: string; field: string }[];
  sources: { sourceName: string; url: string }[];
}
interface Page {
  items: Story[];
  nextCursor?: string;
}

const admin = {
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, 'ops', { roles: ['admin'] })}`,
};

/** The offline default: the seeded sources read the bundled samples from the service itself. */
describe('news service on its bundled sample feeds (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let news: NewsUnderTest;
  let service: RunningService<NewsConfig>;
  let db: DataSource;
  let published: Msg[];

  const allStories = async (query = '') => {
    const stories: Story[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.get<Page>(`/news?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      stories.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return stories;
  };
  const events = () => published.map((message) => message.json<{ data: NewsPublishedV1 }>().data);

  beforeAll(async () => {
    news = await startNews(namespace);
    ({ service, db, published } = news);
  });

  afterAll(async () => {
    await news?.close();
  });

  it('fetches every sample source and publishes each story once', async () => {
    const counts = await news.fetchNews();
    expect(counts).toMatchObject({ sources: 7, failed: 0, notModified: 0, rejected: 0 });
    expect(counts.fetched).toBe(31);
    const stories = await allStories();
    // 31 items: 5 URL variants of stories already seen, 5 syndicated copies grouped into their story.
    expect(counts).toMatchObject({ new: 21, duplicate: 5, grouped: 5 });
    expect(stories).toHaveLength(21);
    expect(
      new Set(stories.map((story) => story.title.toLowerCase().replace(/\bthe\b|\ban\b/g, ''))).size,
    ).toBe(21);
  });

  it('publishes news.published.<category> for each story, valid against the contract', async () => {
    const stories = await allStories();
    await expectEventually(() => expect(published).toHaveLength(stories.length));
    expect(new Set(events().map((event) => event.storyId))).toEqual(
      new Set(stories.map((story) => story.id)),
    );
    for (const message of published) {
      const event = message.json<{ data: NewsPublishedV1 }>().data;
      expect(message.subject).toBe(`${namespace}.news.published.${event.category}`);
      expect(() => validatePayload(NewsPublished, event)).not.toThrow();
    }
    const gold = events().find((event) => event.title === 'Gold climbs to record as Fed signals rate cuts');
    expect(gold).toMatchObject({ category: 'gold', symbols: ['XAUUSD'] });
  });

  it('groups syndicated copies into one story with all its sources, and keeps look-alikes apart', async () => {
    const stories = await allStories();
    const byTitle = (prefix: string) => stories.filter((story) => story.title.startsWith(prefix));
    const [gold] = byTitle('Gold climbs to record');
    const detail = (await service.get<StoryDetail>(`/news/${gold.id}`)).body;
    // The wire's own item and the syndicate's URL variant of it are one article (whichever was fetched
    // first keeps it); Goldline's rewritten copy under its own URL joins as a second source.
    expect(detail.sources).toHaveLength(2);
    expect(detail.sources.map((source) => source.sourceName)).toContain('Goldline Europe');
    expect(byTitle('Euro falls to two-week low')).toHaveLength(1);
    expect(byTitle('Oil slips as OPEC+')).toHaveLength(1);
    expect(byTitle('Stablecoin issuer Tessera')).toHaveLength(1);
    expect(byTitle('Copper hits five-month high')).toHaveLength(1);
    expect(byTitle('Silver rises as industrial demand')).toHaveLength(1);
    expect(byTitle('Silver demand from solar panels')).toHaveLength(1);
    expect(byTitle('Bitcoin tops $98,000')).toHaveLength(1);
    expect(byTitle('Nvidia shares jump 6%')).toHaveLength(1);
  });

  it('decodes the Latin-1 feed and explains every tag', async () => {
    const [zurich] = await allStories('&q=refiners');
    expect(zurich.title).toBe('Zürich refiners report record bullion exports');
    expect(zurich.summary).toContain('£2,150');
    expect(zurich.summary).toContain('außergewöhnlich');
    const detail = (await service.get<StoryDetail>(`/news/${zurich.id}`)).body;
    expect(detail.symbols).toEqual(['XAUUSD']);
    expect(detail.tags).toContainEqual({
      kind: 'symbol',
      value: 'XAUUSD',
      rule: 'gold',
      matched: 'bullion',
      field: 'title',
    });
  });

  it('lets no script, event handler or javascript: URL reach the API', async () => {
    const stories = await allStories();
    const dollar = stories.find((story) => story.title.includes('Dollar index steadies'))!;
    expect(dollar.title).toBe('Dollar index steadies ahead of inflation data');
    const bodies = [
      JSON.stringify(stories),
      ...(await Promise.all(
        stories.map(async (story) => JSON.stringify((await service.get(`/news/${story.id}`)).body)),
      )),
      JSON.stringify(events()),
    ];
    for (const body of bodies) expect(body).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(dollar.summary).toContain('href="https://dailymarkets.example/fx"');
  });

  it('filters by category, symbol, date and full text', async () => {
    const crypto = await allStories('&category=crypto');
    expect(crypto.length).toBeGreaterThanOrEqual(4);
    expect(crypto.every((story) => story.categories.includes('crypto'))).toBe(true);
    const bitcoin = await allStories('&symbol=BTCUSD');
    expect(bitcoin.map((story) => story.title).sort()).toEqual([
      'Bitcoin miners sell reserves as hashprice drops',
      'Bitcoin tops $98,000 as ETF inflows accelerate',
    ]);
    const late = await allStories('&since=2026-11-24T20:00:00Z');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((story) => story.title !== 'Gold climbs to record as Fed signals rate cuts')).toBe(
      true,
    );
    const searched = await allStories(`&q=${encodeURIComponent('"rate cuts" gold')}`);
    expect(searched.map((story) => story.title)).toEqual(['Gold climbs to record as Fed signals rate cuts']);
    expect((await service.get('/news?category=stocks')).status).toBe(400);
    expect((await service.get('/news?cursor=bm9wZQ')).status).toBe(400);
    expect((await service.get('/news/not-a-uuid')).status).toBe(400);
  });

  it('answers 304 to an unchanged list and a new ETag once the list changed', async () => {
    const first = await fetch(`${service.url}/news?category=gold`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetch(`${service.url}/news?category=gold`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const otherQuery = await fetch(`${service.url}/news?category=silver`, {
      headers: { 'if-none-match': etag },
    });
    expect(otherQuery.status).toBe(200);

    const [gold] = await allStories('&q=refiners');
    expect((await service.request('DELETE', `/news/${gold.id}`)).status).toBe(401);
    expect((await service.request('DELETE', `/news/${gold.id}`, undefined, admin)).status).toBe(204);
    const changed = await fetch(`${service.url}/news?category=gold`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('uses conditional GETs, and a deleted story does not come back on a full refetch', async () => {
    await db.query(`UPDATE sources SET next_due_at = now() - interval '1 second'`);
    const conditional = await news.fetchNews();
    expect(conditional).toMatchObject({ sources: 7, notModified: 7, new: 0, failed: 0 });

    const before = published.length;
    await db.query(
      `UPDATE sources SET next_due_at = now() - interval '1 second', etag = NULL, last_modified = NULL`,
    );
    const full = await news.fetchNews();
    expect(full).toMatchObject({ sources: 7, fetched: 31, new: 0, failed: 0 });
    expect(full.duplicate).toBe(31);
    expect((await allStories('&q=refiners')).length).toBe(0);
    // Nothing was written to the outbox either (sent or pending): no event can follow later.
    const [{ written }]: { written: number }[] = await db.query(
      "SELECT count(*)::int AS written FROM outbox WHERE subject LIKE '%news.published.%'",
    );
    expect(written).toBe(before);
  });

  it('shows each source with its fetch status', async () => {
    const sources = await service.get<{ name: string; status: Record<string, unknown> }[]>('/sources');
    expect(sources.body).toHaveLength(7);
    for (const source of sources.body) {
      expect(source.status).toMatchObject({ consecutiveFailures: 0, lastStatus: 'ok' });
      expect(source.status.etag).toBeDefined();
    }
  });
});
