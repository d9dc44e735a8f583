import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TagExplanation } from '../tagging/tagging-rule';
import type { StoryArticleDto, StoryDetailDto, StoryDto } from './dto/story.dto';

interface StoryRow {
  id: string;
  title: string;
  summary: string | null;
  url: string;
  category: string;
  categories: string[];
  symbols: string[];
  published_at: Date;
  first_seen_at: Date;
  article_count: number;
  tags?: TagExplanation[];
}

interface ArticleRow {
  id: string;
  source_id: string | null;
  source_name: string;
  url: string;
  title: string;
  published_at: Date;
  fetched_at: Date;
}

export interface StoryFilter {
  category?: string;
  symbol?: string;
  since?: Date;
  q?: string;
  after?: { publishedAt: Date; id: string };
  limit: number;
}

const COLUMNS = `s.id, s.title, s.summary, s.url, s.category, s.categories, s.symbols, s.published_at,
  s.first_seen_at, (SELECT count(*) FROM articles a WHERE a.story_id = s.id)::int AS article_count`;

@Injectable()
export class StoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Changes with every new, grouped or deleted story: what list ETags are made of. */
  async version(): Promise<string> {
    const [row]: { version: string }[] = await this.dataSource.query('SELECT version FROM news_state');
    return row.version;
  }

  /** Newest first; `q` narrows by full-text search over title (weighted) and summary. */
  async list(filter: StoryFilter): Promise<{ items: StoryDto[]; rows: StoryRow[] }> {
    const rows: StoryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM stories s
        WHERE s.deleted_at IS NULL
          AND ($1::text IS NULL OR s.categories @> ARRAY[$1::text])
          AND ($2::text IS NULL OR s.symbols @> ARRAY[$2::text])
          AND ($3::timestamptz IS NULL OR s.published_at >= $3)
          AND ($4::text IS NULL OR s.search @@ websearch_to_tsquery('english', $4))
          AND ($5::timestamptz IS NULL OR (s.published_at, s.id) < ($5, $6::uuid))
        ORDER BY s.published_at DESC, s.id DESC
        LIMIT $7`,
      [
        filter.category ?? null,
        filter.symbol ?? null,
        filter.since ?? null,
        filter.q ?? null,
        filter.after?.publishedAt ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    );
    return { items: rows.map(toStoryDto), rows };
  }

  async find(id: string): Promise<StoryDetailDto | undefined> {
    const [row]: StoryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, s.tags FROM stories s WHERE s.id = $1 AND s.deleted_at IS NULL`,
      [id],
    );
    if (!row) return undefined;
    const articles: ArticleRow[] = await this.dataSource.query(
      `SELECT id, source_id, source_name, url, title, published_at, fetched_at
         FROM articles WHERE story_id = $1 ORDER BY fetched_at, published_at, id`,
      [id],
    );
    const sightings: { source_id: string; source_name: string; url: string; first_seen_at: Date }[] =
      await this.dataSource.query(
        `SELECT source_id, source_name, url, first_seen_at FROM story_sources
          WHERE story_id = $1 ORDER BY first_seen_at, source_name`,
        [id],
      );
    return {
      ...toStoryDto(row),
      tags: row.tags ?? [],
      sources: articles.map(toArticleDto),
      alsoSeenAt: sightings.map((sighting) => ({
        sourceId: sighting.source_id,
        sourceName: sighting.source_name,
        url: sighting.url,
        firstSeenAt: sighting.first_seen_at.toISOString(),
      })),
    };
  }

  /**
   * Hides a story for good: the row and its articles stay as the tombstone whose keys (URLs, GUIDs,
   * shingles) keep the next fetch from publishing it again.
   */
  async delete(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `WITH gone AS (UPDATE stories SET deleted_at = now(), updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING 1)
         SELECT 1 FROM gone`,
        [id],
      );
      if (rows.length > 0) await manager.query('UPDATE news_state SET version = version + 1');
      return rows.length > 0;
    });
  }
}

function toStoryDto(row: StoryRow): StoryDto {
  return {
    id: row.id,
    title: row.title,
    ...(row.summary ? { summary: row.summary } : {}),
    url: row.url,
    category: row.category,
    categories: row.categories,
    symbols: row.symbols,
    publishedAt: row.published_at.toISOString(),
    firstSeenAt: row.first_seen_at.toISOString(),
    articleCount: row.article_count,
  };
}

function toArticleDto(row: ArticleRow): StoryArticleDto {
  return {
    id: row.id,
    ...(row.source_id ? { sourceId: row.source_id } : {}),
    sourceName: row.source_name,
    url: row.url,
    title: row.title,
    publishedAt: row.published_at.toISOString(),
    fetchedAt: row.fetched_at.toISOString(),
  };
}
