import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offline default: sources reading the bundled sample feeds from this service itself (a path URL is
 * resolved against NEWS_SELF_URL, by default http://127.0.0.1:<port>, which holds in compose and k8s
 * because the process fetches from itself). With real feeds, disable or delete these.
 */
const SAMPLES = [
  ['b1f6d1e2-0c1a-4f3e-9a41-000000000001', 'Marketwire', '/samples/marketwire.xml', 'rss', 'macro', {}],
  [
    'b1f6d1e2-0c1a-4f3e-9a41-000000000002',
    'Daily Markets Syndicate',
    '/samples/markets-syndicate.xml',
    'rss',
    null,
    {},
  ],
  [
    'b1f6d1e2-0c1a-4f3e-9a41-000000000003',
    'Goldline Europe',
    '/samples/goldline-latin1.xml',
    'rss',
    'gold',
    {},
  ],
  [
    'b1f6d1e2-0c1a-4f3e-9a41-000000000004',
    'Crypto Desk',
    '/samples/cryptodesk.atom.xml',
    'atom',
    'crypto',
    {},
  ],
  ['b1f6d1e2-0c1a-4f3e-9a41-000000000005', 'FX Digest', '/samples/fxdigest.rdf.xml', 'rdf', 'forex', {}],
  [
    'b1f6d1e2-0c1a-4f3e-9a41-000000000006',
    'Venture Brief',
    '/samples/venturebrief.feed.json',
    'jsonfeed',
    'venture',
    {},
  ],
  [
    'b1f6d1e2-0c1a-4f3e-9a41-000000000007',
    'Commodities API',
    '/samples/commodities-api.json',
    'json-api',
    'commodities',
    {
      mapping: {
        itemsPath: 'data.articles',
        title: 'headline',
        url: 'links.web',
        guid: 'id',
        summary: 'teaser',
        publishedAt: 'published',
      },
    },
  ],
] as const;

export class SeedSampleSources1795564800004 implements MigrationInterface {
  name = 'SeedSampleSources1795564800004';

  async up(runner: QueryRunner): Promise<void> {
    for (const [id, name, url, kind, category, config] of SAMPLES) {
      await runner.query(
        `INSERT INTO news.sources (id, name, url, kind, default_category, poll_interval_seconds, config)
         VALUES ($1, $2, $3, $4, $5, 900, $6) ON CONFLICT DO NOTHING`,
        [id, name, url, kind, category, JSON.stringify(config)],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM news.sources WHERE id = ANY($1::uuid[])', [SAMPLES.map(([id]) => id)]);
  }
}
