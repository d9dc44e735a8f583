import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStories1795564800002 implements MigrationInterface {
  name = 'CreateStories1795564800002';

  async up(runner: QueryRunner): Promise<void> {
    // A story is what is published once; its articles are the copies the sources carried. A deleted
    // story keeps its row (deleted_at) and its articles: their unique keys are the tombstone that keeps
    // the next fetch from bringing it back.
    await runner.query(`
      CREATE TABLE news.stories (
        id             uuid PRIMARY KEY,
        title          text NOT NULL,
        summary        text,
        url            text NOT NULL,
        category       varchar(16) NOT NULL,
        categories     text[] NOT NULL,
        symbols        text[] NOT NULL,
        tags           jsonb NOT NULL,
        published_at   timestamptz NOT NULL,
        first_seen_at  timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        deleted_at     timestamptz,
        summary_text   text,
        search         tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', title), 'A') ||
                         setweight(to_tsvector('english', coalesce(summary_text, '')), 'B')) STORED
      )`);
    await runner.query(`
      CREATE INDEX stories_listing_idx ON news.stories (published_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await runner.query('CREATE INDEX stories_search_idx ON news.stories USING gin (search)');
    await runner.query('CREATE INDEX stories_categories_idx ON news.stories USING gin (categories)');
    await runner.query('CREATE INDEX stories_symbols_idx ON news.stories USING gin (symbols)');
    // The unique keys are the deduplication itself: an insert that meets one does nothing, whatever
    // replica or concurrent fetch got there first. The story reference is checked at commit, because
    // a story is created only for articles the insert actually took.
    await runner.query(`
      CREATE TABLE news.articles (
        id             uuid PRIMARY KEY,
        story_id       uuid NOT NULL REFERENCES news.stories (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        source_id      uuid REFERENCES news.sources (id) ON DELETE SET NULL,
        source_name    varchar(120) NOT NULL,
        url            text NOT NULL,
        canonical_url  text,
        guid           text,
        title          text NOT NULL,
        published_at   timestamptz NOT NULL,
        fetched_at     timestamptz NOT NULL,
        seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        shingles       integer[] NOT NULL,
        title_guard    text NOT NULL,
        CONSTRAINT articles_canonical_url_key UNIQUE (canonical_url),
        CONSTRAINT articles_source_guid_key UNIQUE (source_id, guid)
      )`);
    await runner.query('CREATE INDEX articles_story_idx ON news.articles (story_id)');
    // Near-duplicate detection compares a new text with every copy of the stories of its time: replicas
    // keep the articles' fingerprints in memory, loaded by time range and brought up to date by seq.
    await runner.query('CREATE INDEX articles_published_idx ON news.articles (published_at)');
    // Bumped by every change a list response can show: the ETag of the list responses.
    await runner.query(`
      CREATE TABLE news.news_state (
        id      boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      )`);
    await runner.query('INSERT INTO news.news_state (id, version) VALUES (true, 1)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE news.news_state');
    await runner.query('DROP TABLE news.articles');
    await runner.query('DROP TABLE news.stories');
  }
}
