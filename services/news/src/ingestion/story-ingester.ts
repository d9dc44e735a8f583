import { Injectable } from '@nestjs/common';
import { NewsPublished, type NewsPublishedV1 } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId } from '@marketpulse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { NearDuplicateIndex } from '../dedup/near-duplicate.index';
import { NewsConfig } from '../news.config';
import type { PreparedItem } from './prepared-item';

/** pg_advisory_xact_lock key of story assignment ("news" in ASCII). */
const INGEST_LOCK = 0x6e657773;
/** New articles after which this replica refreshes the planner statistics of the story tables. */
const ANALYZE_AFTER_ROWS = 2000;
/** Articles the in-memory index keeps by default: published this recently. Older ranges load on demand. */
const MEMORY_MS = 7 * 24 * 3600 * 1000;
const EVICT_EVERY_MS = 3600 * 1000;
/** A group commit takes at most this many feeds, or items. */
const MAX_BATCH_SOURCES = 32;
const MAX_BATCH_ITEMS = 5000;

export interface IngestCounts {
  /** Stories created and published. */
  new: number;
  /** Items already known by canonical URL or GUID (including tombstoned ones). */
  duplicate: number;
  /** New articles that joined an existing story (a syndicated copy): stored, not published. */
  grouped: number;
}

export interface IngestSource {
  id: string;
  name: string;
  /** The resolved feed URL, named in the events. */
  feedUrl: string;
}

interface IngestRequest {
  source: IngestSource;
  items: PreparedItem[];
  now: Date;
  resolve: (counts: IngestCounts) => void;
  reject: (error: unknown) => void;
}

/** An item and the index of the request (source) it came with. */
interface Entry {
  item: PreparedItem;
  owner: number;
}

interface Assigned extends Entry {
  articleId: string;
  storyId: string;
  newStory: boolean;
}

interface ArticleKeyRow {
  id: string;
  story_id: string;
  shingles: number[];
  title_guard: string;
  published_at: Date;
  seq: string;
}

/**
 * Turns a source's prepared items into articles and stories. Exact duplicates are stopped by the
 * articles' unique keys (canonical URL, source + GUID); near-duplicates join the story they repeat.
 * Story assignment is serialised (in process, and across replicas by an advisory lock): two fetches
 * carrying one syndicated story at the same moment must not both find "no such story yet". Under that
 * lock the in-memory near-duplicate index (the fingerprints of articles, every copy of every story) is
 * brought up to date with every article committed so far (by seq, which only grows under the lock), so
 * it sees what other replicas stored.
 */
@Injectable()
export class StoryIngester {
  private readonly pending: IngestRequest[] = [];
  private draining = false;
  private rowsSinceAnalyze = 0;
  private readonly index = new NearDuplicateIndex();
  private lastSeq: string | undefined;
  private loadedFrom = Number.POSITIVE_INFINITY;
  private lastEviction = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly config: NewsConfig,
  ) {}

  /**
   * Stores a source's items. Requests that arrive while a transaction is running are stored together in
   * the next one (group commit): one lock, one pass over the index and a few statements for many feeds.
   */
  ingest(source: IngestSource, items: PreparedItem[], now: Date): Promise<IngestCounts> {
    return new Promise<IngestCounts>((resolve, reject) => {
      this.pending.push({ source, items, now, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch: IngestRequest[] = [];
        let size = 0;
        while (this.pending.length > 0 && batch.length < MAX_BATCH_SOURCES && size < MAX_BATCH_ITEMS) {
          const next = this.pending.shift()!;
          batch.push(next);
          size += next.items.length;
        }
        await this.store(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  /** One transaction for the batch; if it fails, each source alone, so one bad feed fails only itself. */
  private async store(batch: IngestRequest[]): Promise<void> {
    let results: IngestCounts[];
    let stored: ArticleKeyRow[];
    try {
      ({ counts: results, stored } = await this.dataSource.transaction((manager) =>
        this.ingestLocked(manager, batch),
      ));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const request of batch) await this.store([request]);
      return;
    }
    // Committed: what this transaction stored is known without reading it back. Its seqs follow the
    // last synced one with nobody else's in between (the lock), so the index stays in step.
    this.addRows(stored);
    if (stored.length > 0)
      this.lastSeq = stored.reduce(
        (max, row) => (BigInt(row.seq) > BigInt(max) ? row.seq : max),
        this.lastSeq ?? '0',
      );
    batch.forEach((request, index) => request.resolve(results[index]));
    // Autovacuum analyses a table about once a minute; a bulk ingest (first start, a backlog) outruns
    // it, and without statistics the duplicate check is planned as a scan of the whole table.
    this.rowsSinceAnalyze += results.reduce((sum, counts) => sum + counts.new + counts.grouped, 0);
    if (this.rowsSinceAnalyze >= ANALYZE_AFTER_ROWS) {
      this.rowsSinceAnalyze = 0;
      await this.dataSource.query('ANALYZE stories, articles').catch(() => undefined);
    }
  }

  private async ingestLocked(
    manager: EntityManager,
    batch: IngestRequest[],
  ): Promise<{ counts: IngestCounts[]; stored: ArticleKeyRow[] }> {
    const now = batch.reduce(
      (latest, request) => (request.now > latest ? request.now : latest),
      batch[0].now,
    );
    const entries = batch.flatMap((request, owner) => request.items.map((item) => ({ item, owner })));
    const counts: IngestCounts[] = batch.map(() => ({ new: 0, duplicate: 0, grouped: 0 }));
    if (entries.length === 0) return { counts, stored: [] };
    await manager.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
    const fresh = await this.withoutKnown(manager, batch, entries);
    await this.syncIndex(manager, fresh, now);
    const assigned = this.assignStories(fresh);
    const { inserted, keys } = await this.insertArticles(manager, batch, assigned, now);

    const created = new Map<string, Assigned>();
    const joined = new Set<string>();
    for (const entry of inserted) {
      if (entry.newStory && !created.has(entry.storyId)) {
        created.set(entry.storyId, entry);
        counts[entry.owner].new++;
      } else {
        counts[entry.owner].grouped++;
        if (!entry.newStory) joined.add(entry.storyId);
      }
    }
    batch.forEach((request, owner) => {
      counts[owner].duplicate = request.items.length - counts[owner].new - counts[owner].grouped;
    });
    await this.insertStories(manager, [...created.values()], now);
    // After the stories: a copy may repeat a story that this very batch created.
    const taken = new Set(inserted.map((entry) => entry.item));
    const sighted = await this.recordSightings(
      manager,
      batch,
      entries.filter((entry) => !taken.has(entry.item)),
      now,
    );
    if (joined.size > 0) {
      await manager.query('UPDATE stories SET updated_at = $2 WHERE id = ANY($1::uuid[])', [
        [...joined],
        now,
      ]);
    }
    if (inserted.length > 0 || sighted > 0)
      await manager.query('UPDATE news_state SET version = version + 1');
    await this.outbox.publishAllInTransaction(
      manager,
      [...created.values()].map((entry) => ({
        contract: NewsPublished,
        payload: this.event(entry, batch[entry.owner].source),
        options: { id: deterministicEventId(`news.published:${entry.storyId}`) },
      })),
    );
    return { counts, stored: keys };
  }

  /** Drops items whose keys are taken, in the table or earlier in the batch (GUIDs are per source). */
  private async withoutKnown(
    manager: EntityManager,
    batch: IngestRequest[],
    entries: Entry[],
  ): Promise<Entry[]> {
    const urls = entries.flatMap(({ item }) => (item.canonicalUrl ? [item.canonicalUrl] : []));
    const guidSources: string[] = [];
    const guids: string[] = [];
    for (const { item, owner } of entries) {
      if (!item.guid) continue;
      guidSources.push(batch[owner].source.id);
      guids.push(item.guid);
    }
    const known: { canonical_url: string | null; guid: string | null; source_id: string | null }[] =
      await manager.query(
        `SELECT canonical_url, guid, source_id FROM articles WHERE canonical_url = ANY($1::text[])
         UNION ALL
         SELECT a.canonical_url, a.guid, a.source_id
           FROM unnest($2::uuid[], $3::text[]) AS k(source_id, guid)
           JOIN articles a ON a.source_id = k.source_id AND a.guid = k.guid`,
        [urls, guidSources, guids],
      );
    const seenUrls = new Set(known.map((row) => row.canonical_url));
    const seenGuids = new Set(known.map((row) => `${row.source_id}|${row.guid}`));
    return entries.filter(({ item, owner }) => {
      const guidKey = item.guid ? `${batch[owner].source.id}|${item.guid}` : undefined;
      if (item.canonicalUrl && seenUrls.has(item.canonicalUrl)) return false;
      if (guidKey && seenGuids.has(guidKey)) return false;
      if (item.canonicalUrl) seenUrls.add(item.canonicalUrl);
      if (guidKey) seenGuids.add(guidKey);
      return true;
    });
  }

  /**
   * Brings the index up to date: on first use the last week's articles, afterwards the articles
   * committed since (by seq), plus any older range the items' dates reach into. Runs under the ingest
   * lock, so no article can commit in between and be missed.
   */
  private async syncIndex(manager: EntityManager, entries: Entry[], now: Date): Promise<void> {
    if (this.lastSeq === undefined) {
      const [{ max }]: { max: string | null }[] = await manager.query(
        'SELECT max(seq)::text AS max FROM articles',
      );
      this.lastSeq = max ?? '0';
      this.loadedFrom = now.getTime() - MEMORY_MS;
      this.addRows(
        await manager.query(
          'SELECT id, story_id, shingles, title_guard, published_at, seq FROM articles WHERE published_at >= $1',
          [new Date(this.loadedFrom)],
        ),
      );
      this.lastEviction = now.getTime();
    } else {
      const rows: ArticleKeyRow[] = await manager.query(
        'SELECT id, story_id, shingles, title_guard, published_at, seq::text AS seq FROM articles WHERE seq > $1 ORDER BY seq',
        [this.lastSeq],
      );
      this.addRows(rows);
      if (rows.length > 0) this.lastSeq = rows[rows.length - 1].seq;
    }
    if (entries.length === 0) return;
    const windowMs = this.windowMs();
    const earliest =
      entries.reduce((min, { item }) => Math.min(min, item.publishedAt.getTime()), Infinity) - windowMs;
    if (earliest < this.loadedFrom) {
      this.addRows(
        await manager.query(
          `SELECT id, story_id, shingles, title_guard, published_at, seq FROM articles
            WHERE published_at >= $1 AND published_at < $2`,
          [new Date(earliest), new Date(this.loadedFrom)],
        ),
      );
      this.loadedFrom = earliest;
    }
    if (now.getTime() - this.lastEviction > EVICT_EVERY_MS) {
      this.lastEviction = now.getTime();
      this.loadedFrom = Math.max(this.loadedFrom, now.getTime() - MEMORY_MS);
      this.index.evictBefore(this.loadedFrom);
    }
  }

  private addRows(rows: ArticleKeyRow[]): void {
    for (const row of rows) {
      this.index.add({
        id: row.id,
        storyId: row.story_id,
        shingles: row.shingles,
        guard: row.title_guard,
        publishedAt: row.published_at.getTime(),
      });
    }
  }

  private windowMs(): number {
    return this.config.NEWS_NEAR_DUPLICATE_WINDOW_HOURS * 3600 * 1000;
  }

  /** The story each item belongs to: a stored one it repeats, one made earlier in this batch, or a new one. */
  private assignStories(entries: Entry[]): Assigned[] {
    const windowMs = this.windowMs();
    // The batch's own copies, so that copies of one story within the batch land in one story too.
    const batch = new NearDuplicateIndex();
    const started = new Set<string>();
    return entries.map(({ item, owner }) => {
      const text = { ...item.fingerprint, publishedAt: item.publishedAt.getTime() };
      const articleId = randomUUID();
      let storyId = this.index.match(text, windowMs) ?? batch.match(text, windowMs);
      if (!storyId) {
        storyId = randomUUID();
        started.add(storyId);
      }
      batch.add({ id: articleId, storyId, ...text });
      return { item, owner, articleId, storyId, newStory: started.has(storyId) };
    });
  }

  /**
   * A duplicate by URL from another source still tells that this source carries the story: it is listed
   * with the story's sources (once per source), publishing nothing. Same-source refetches add nothing.
   */
  private async recordSightings(
    manager: EntityManager,
    batch: IngestRequest[],
    duplicates: Entry[],
    now: Date,
  ): Promise<number> {
    const rows = duplicates
      .filter(({ item }) => item.canonicalUrl)
      .map(({ item, owner }) => ({
        source_id: batch[owner].source.id,
        source_name: batch[owner].source.name,
        url: item.url,
        canonical_url: item.canonicalUrl,
      }));
    if (rows.length === 0) return 0;
    const [{ seen }]: { seen: number }[] = await manager.query(
      `WITH seen AS (
         SELECT DISTINCT ON (a.story_id, x.source_id) a.story_id, x.source_id, x.source_name, x.url
           FROM jsonb_to_recordset($1::jsonb) AS x(source_id uuid, source_name text, url text, canonical_url text)
           JOIN articles a ON a.canonical_url = x.canonical_url
          WHERE a.source_id IS DISTINCT FROM x.source_id
            AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.source_id = x.source_id)
          ORDER BY a.story_id, x.source_id),
       added AS (
         INSERT INTO story_sources (story_id, source_id, source_name, url, first_seen_at)
         SELECT story_id, source_id, source_name, url, $2 FROM seen
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS seen FROM added`,
      [JSON.stringify(rows), now],
    );
    return seen;
  }

  /** The unique keys decide: what the insert did not take is a duplicate, whatever the checks said. */
  private async insertArticles(
    manager: EntityManager,
    batch: IngestRequest[],
    assigned: Assigned[],
    now: Date,
  ): Promise<{ inserted: Assigned[]; keys: ArticleKeyRow[] }> {
    if (assigned.length === 0) return { inserted: [], keys: [] };
    const rows = assigned.map(({ item, owner, articleId, storyId }) => ({
      id: articleId,
      story_id: storyId,
      source_id: batch[owner].source.id,
      source_name: batch[owner].source.name,
      url: item.url,
      canonical_url: item.canonicalUrl ?? null,
      guid: item.guid ?? null,
      title: item.title,
      published_at: item.publishedAt.toISOString(),
      shingles: item.fingerprint.shingles,
      title_guard: item.fingerprint.guard,
    }));
    const taken: { id: string; seq: string }[] = await manager.query(
      `INSERT INTO articles (id, story_id, source_id, source_name, url, canonical_url, guid, title, published_at,
                             fetched_at, shingles, title_guard)
       SELECT a.id, a.story_id, a.source_id, a.source_name, a.url, a.canonical_url, a.guid, a.title,
              a.published_at, $2, ARRAY(SELECT jsonb_array_elements_text(a.shingles)::int), a.title_guard
         FROM jsonb_to_recordset($1::jsonb)
              AS a(id uuid, story_id uuid, source_id uuid, source_name text, url text, canonical_url text,
                   guid text, title text, published_at timestamptz, shingles jsonb, title_guard text)
       ON CONFLICT DO NOTHING
       RETURNING id, seq::text AS seq`,
      [JSON.stringify(rows), now],
    );
    const seqs = new Map(taken.map((row) => [row.id, row.seq]));
    const inserted = assigned.filter((entry) => seqs.has(entry.articleId));
    return {
      inserted,
      keys: inserted.map(({ item, articleId, storyId }) => ({
        id: articleId,
        story_id: storyId,
        shingles: item.fingerprint.shingles,
        title_guard: item.fingerprint.guard,
        published_at: item.publishedAt,
        seq: seqs.get(articleId)!,
      })),
    };
  }

  private async insertStories(manager: EntityManager, created: Assigned[], now: Date): Promise<void> {
    if (created.length === 0) return;
    const rows = created.map(({ item, storyId }) => ({
      id: storyId,
      title: item.title,
      summary: item.summaryHtml || null,
      summary_text: item.summaryText || null,
      url: item.url,
      category: item.tagging.category,
      categories: item.tagging.categories,
      symbols: item.tagging.symbols,
      tags: item.tagging.tags,
      published_at: item.publishedAt.toISOString(),
    }));
    await manager.query(
      `INSERT INTO stories (id, title, summary, summary_text, url, category, categories, symbols, tags,
                            published_at, first_seen_at, updated_at)
       SELECT s.id, s.title, s.summary, s.summary_text, s.url, s.category,
              ARRAY(SELECT jsonb_array_elements_text(s.categories)),
              ARRAY(SELECT jsonb_array_elements_text(s.symbols)),
              s.tags, s.published_at, $2, $2
         FROM jsonb_to_recordset($1::jsonb)
              AS s(id uuid, title text, summary text, summary_text text, url text, category text,
                   categories jsonb, symbols jsonb, tags jsonb, published_at timestamptz)`,
      [JSON.stringify(rows), now],
    );
  }

  private event({ item, storyId }: Assigned, source: IngestSource): NewsPublishedV1 {
    return {
      storyId,
      title: item.title,
      ...(item.summaryText ? { summary: item.summaryText } : {}),
      url: item.url,
      category: item.tagging.category,
      categories: item.tagging.categories,
      symbols: item.tagging.symbols,
      source: { sourceId: source.id, name: source.name, url: source.feedUrl },
      publishedAt: item.publishedAt.toISOString(),
    };
  }
}
