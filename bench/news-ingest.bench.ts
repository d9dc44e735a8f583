/**
 * 100 feeds of 100 items from a local feed host (one loopback address per feed, so politeness is the
 * service's default), half of them duplicates in every form the news service must see through: URL
 * spellings (case, www., default port, trailing slash, fragment, utm_*, fbclid, gclid, query order,
 * amp. host, /amp, ?amp=1, outputType=amp, /index.html), <atom:link rel="canonical">, a repeated GUID
 * under an edited URL, and syndicated copies under their own URLs with edited summaries. One fetch tick,
 * then: seconds until job.completed, stories published, duplicates published (must be 0), originals
 * lost (must be 0). `npm run bench:news`. BENCH_NEWS_FEEDS (default 100), BENCH_NEWS_ITEMS (default 100).
 */
import 'reflect-metadata';
import { Tick, type NewsPublishedV1 } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { NATS_URL, createTestDatabase, testNamespace } from '../test/support/infrastructure';
import { collect, deleteNamespaceStreams, plainClient } from '../test/support/nats-client';
import { publishEvent } from '../test/support/publish-event';
import { startService } from '../test/support/service-harness';
import { AppModule } from '../services/news/src/app.module';
import { NewsConfig } from '../services/news/src/news.config';
import { format } from './support/stats';

const FEEDS = Number(process.env.BENCH_NEWS_FEEDS ?? 100);
const ITEMS = Number(process.env.BENCH_NEWS_ITEMS ?? 100);
const ORIGINALS_PER_FEED = Math.floor(ITEMS / 2);
const ASSETS = ['gold', 'silver', 'bitcoin', 'ether', 'copper', 'brent', 'euro', 'yen', 'nvidia', 'startup'];

/** Deterministic pseudo-random words: stories that share no wording, as different stories do. */
function words(seed: number, count: number): string[] {
  let state = (seed * 2654435761) >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out.push(`w${(state % 20000).toString(36)}`);
  }
  return out;
}

/** A letters-only marker per original (digits would make it part of the title's numbers guard). */
function storyKey(n: number): string {
  let key = '';
  for (let rest = n; ; rest = Math.floor(rest / 26) - 1) {
    key = String.fromCharCode(97 + (rest % 26)) + key;
    if (rest < 26) break;
  }
  return `q${key}`;
}

interface Original {
  key: string;
  title: string;
  summary: string;
  url: string;
  guid: string;
  pubDate: string;
}

function original(feed: number, index: number): Original {
  const n = feed * ORIGINALS_PER_FEED + index;
  const key = storyKey(n);
  const [asset] = [ASSETS[n % ASSETS.length]];
  return {
    key,
    title: `${key} ${asset} ${words(n * 2 + 1, 7).join(' ')}`,
    summary: `${words(n * 2 + 2, 30).join(' ')}.`,
    url: `https://publisher${feed}.example/news/${key}-story?id=${n}&p=1`,
    guid: `feed${feed}-${key}`,
    pubDate: new Date(Date.UTC(2026, 10, 24, 8) + n * 1000).toUTCString(),
  };
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function item(fields: {
  title: string;
  link: string;
  guid: string;
  summary: string;
  pubDate: string;
  canonical?: string;
}): string {
  return `<item><title>${esc(fields.title)}</title><link>${esc(fields.link)}</link>${
    fields.canonical ? `<atom:link rel="canonical" href="${esc(fields.canonical)}"/>` : ''
  }<guid isPermaLink="false">${esc(fields.guid)}</guid><pubDate>${fields.pubDate}</pubDate><description>${esc(fields.summary)}</description></item>`;
}

/** The d-th duplicate of feed `feed`: another feed's original in one of ten disguises. */
function duplicate(feed: number, d: number): string {
  const form = d % 10;
  if (form === 9) {
    // Same feed, same GUID, the URL's slug edited after publication.
    const own = original(feed, d % ORIGINALS_PER_FEED);
    return item({ ...own, link: own.url.replace('-story', '-story-updated') });
  }
  const source = original((feed + 1 + (d % 7)) % FEEDS, d % ORIGINALS_PER_FEED);
  const url = new URL(source.url);
  const guid = `feed${feed}-dup${d}`;
  const base = { title: source.title, guid, summary: source.summary, pubDate: source.pubDate };
  switch (form) {
    case 0:
      return item({
        ...base,
        link: `https://www.${url.host}${url.pathname}${url.search}&utm_source=rss&utm_medium=feed`,
      });
    case 1:
      return item({
        ...base,
        link: `HTTP://${url.host.toUpperCase()}:80${url.pathname}/${url.search}#comments`,
      });
    case 2:
      return item({
        ...base,
        link: `https://${url.host}${url.pathname}?p=1&fbclid=IwAR${d}&id=${url.searchParams.get('id')}&gclid=x${d}`,
      });
    case 3:
      return item({ ...base, link: `https://amp.${url.host}${url.pathname}/amp${url.search}` });
    case 4:
      return item({ ...base, link: `${source.url}&${d % 2 ? 'amp=1' : 'outputType=amp'}` });
    case 5:
      return item({ ...base, link: `https://aggregator${feed}.example/r/${d}`, canonical: source.url });
    case 6:
      return item({ ...base, link: `https://${url.host}${url.pathname}/index.html${url.search}&mc_cid=abc` });
    case 7:
      // Syndicated under its own URL, the summary cut short.
      return item({
        ...base,
        link: `https://syndicate${feed}.example/${source.key}`,
        summary: source.summary.split(' ').slice(0, 22).join(' '),
      });
    default:
      // Syndicated under its own URL, a few words edited.
      return item({
        ...base,
        link: `https://wire${feed}.example/stories/${source.key}.html`,
        summary: source.summary.replace(/^(\S+ \S+ \S+)/, '$1 reportedly').replace(/\.$/, ', analysts said.'),
      });
  }
}

function feedXml(feed: number): string {
  const items: string[] = [];
  for (let i = 0; i < ORIGINALS_PER_FEED; i++) {
    const own = original(feed, i);
    items.push(item({ ...own, link: own.url }));
    if (items.length < ITEMS) items.push(duplicate(feed, i));
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Feed ${feed}</title>${items.join('')}</channel></rss>`;
}

async function startFeedHosts(): Promise<{ urls: string[]; servers: Server[] }> {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let feed = 0; feed < FEEDS; feed++) {
    const body = Buffer.from(feedXml(feed));
    const host = `127.0.${Math.floor((feed + 1) / 250)}.${((feed + 1) % 250) + 1}`;
    const server = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': body.length })
        .end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    urls.push(`http://${host}:${(server.address() as AddressInfo).port}/feed.xml`);
  }
  return { urls, servers };
}

async function main(): Promise<void> {
  const namespace = testNamespace();
  const database = await createTestDatabase();
  const { urls, servers } = await startFeedHosts();
  const nc = await plainClient();
  const outcomes: Msg[] = collect(nc, `${namespace}.job.>`);
  const published: Msg[] = collect(nc, `${namespace}.news.published.>`);
  await nc.flush();
  const service = await startService(
    NewsConfig,
    (config) => AppModule.forRoot(config),
    { DATABASE_URL: database.url, NATS_URL, MESSAGING_NAMESPACE: namespace, NEWS_SAMPLES_ENABLED: 'false' },
    'news',
  );
  try {
    const db = service.app.get(DataSource);
    await db.query('UPDATE sources SET enabled = false');
    await db.query(
      `INSERT INTO sources (id, name, url, kind, poll_interval_seconds)
       SELECT gen_random_uuid(), 'bench ' || i, u, 'rss', 900 FROM unnest($1::text[]) WITH ORDINALITY AS t(u, i)`,
      [urls],
    );
    process.stdout.write(
      `${FEEDS} feeds x ${ITEMS} items (${FEEDS * ORIGINALS_PER_FEED} originals) on ${FEEDS} local hosts\n`,
    );
    const runId = randomUUID();
    const now = new Date();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    await publishEvent(service.app, Tick, {
      runId,
      service: 'news',
      job: 'fetch',
      scheduledFor: now.toISOString(),
      firedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 600_000).toISOString(),
      manual: true,
    });
    let outcome: Msg | undefined;
    while (!outcome) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      outcome = outcomes.find((message) => message.json<{ data: { runId: string } }>().data.runId === runId);
      if (performance.now() - start > 300_000) throw new Error('no job outcome within 5 minutes');
    }
    const ingestedMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    if (outcome.subject !== `${namespace}.job.completed`)
      throw new Error(`the job failed: ${outcome.string()}`);
    const counts = outcome.json<{ data: { counts: Record<string, number> } }>().data.counts;
    const deadline = Date.now() + 60_000;
    while (published.length < counts.new && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const publishedMs = performance.now() - start;

    const perOriginal = new Map<string, number>();
    for (const message of published) {
      const key = message.json<{ data: NewsPublishedV1 }>().data.title.split(' ')[0];
      perOriginal.set(key, (perOriginal.get(key) ?? 0) + 1);
    }
    let duplicatesPublished = 0;
    for (const times of perOriginal.values()) duplicatesPublished += times - 1;
    let originalsLost = 0;
    for (let n = 0; n < FEEDS * ORIGINALS_PER_FEED; n++) if (!perOriginal.has(storyKey(n))) originalsLost++;

    process.stdout.write(`job counts: ${JSON.stringify(counts)}\n`);
    process.stdout.write(`ingested (tick -> job.completed): ${format(ingestedMs / 1000)} s\n`);
    // The feed hosts, the service and this collector share one process: its CPU time says how much of
    // the wall time was waiting for a core on a busy machine.
    process.stdout.write(`this process's CPU meanwhile: ${format((cpu.user + cpu.system) / 1e6)} s\n`);
    process.stdout.write(
      `published (tick -> last news.published received): ${format(publishedMs / 1000)} s\n`,
    );
    process.stdout.write(`stories published: ${published.length}\n`);
    process.stdout.write(`duplicates published: ${duplicatesPublished}\n`);
    process.stdout.write(`originals lost: ${originalsLost}\n`);
    if (duplicatesPublished > 0 || originalsLost > 0 || counts.failed > 0) process.exitCode = 1;
  } finally {
    await service.close();
    await nc.close();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await deleteNamespaceStreams(namespace);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
