import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStorySources1795564800005 implements MigrationInterface {
  name = 'CreateStorySources1795564800005';

  async up(runner: QueryRunner): Promise<void> {
    // Another source carrying a story under a URL that canonicalises to the stored one: not an article of
    // its own (the unique keys refuse it), but a source of the story all the same. Once per story and source.
    await runner.query(`
      CREATE TABLE news.story_sources (
        story_id      uuid NOT NULL REFERENCES news.stories (id) ON DELETE CASCADE,
        source_id     uuid NOT NULL REFERENCES news.sources (id) ON DELETE CASCADE,
        source_name   text NOT NULL,
        url           text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (story_id, source_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE news.story_sources');
  }
}
